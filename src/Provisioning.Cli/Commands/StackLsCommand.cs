using System.CommandLine;
using System.Text.Json;
using Provisioning.Engine;
using Provisioning.Config;
using Provisioning.State;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>Declares <c>provision stack ls</c>: the stacks of the project (stack files and state files) with resource counts and last update.</summary>
internal static class StackLsCommand
{

    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console)
    {
        var cwd = StackCommand.CwdOption();
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var command = new Command("ls", "List the stacks of the project: from Pulumi.<stack>.yaml files and state files, with resource counts and last update.") { cwd, json };
        command.SetAction((parse, ct) => RunAsync(console, StackCommand.Directory(parse, cwd), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string directory, bool json, CancellationToken cancellationToken)
    {
        var states = StateFiles.FindAll(directory);
        var names = ProjectStacks.WithStackFiles(directory).Union(states.Select(s => s.Stack), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rows = new List<StackRow>();
        foreach (var name in names)
        {
            var state = states.FirstOrDefault(s => s.Stack == name);
            Checkpoint? checkpoint = null;
            string? problem = null;

            // A valid stack file names the backend; otherwise only a local state file can be read. Either way the
            // journal is replayed, so a run cut short counts what it finished. Read-only: no lock is taken.
            var definition = StackLoader.Load(directory, name).Stack;
            try
            {
                checkpoint = await StackCommand.ReadStateAsync(directory, name, definition, state.Path, state.Project, cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or global::Azure.RequestFailedException)
            {
                problem = e.Message;
            }
            catch (Provisioning.Diagnostics.DiagnosticException e)
            {
                problem = e.Diagnostics[0].ToString();
            }

            var hasFile = File.Exists(Path.Combine(directory, $"Pulumi.{name}.yaml"));
            rows.Add(new StackRow(name, hasFile, checkpoint?.Resources.Length, checkpoint?.Updated, problem));
        }

        if (json)
        {
            console.Out.Profile.Out.Writer.Write(JsonSerializer.Serialize(rows, Rendering.Json.CliJsonContext.Default.ListStackRow) + "\n");
            console.Out.Profile.Out.Writer.Flush();
            return ExitCodes.Ok;
        }

        if (rows.Count == 0)
        {
            console.Error.MarkupLineInterpolated($"No stacks in {directory}: no Pulumi.<stack>.yaml and no state.");
            return ExitCodes.Ok;
        }

        var table = new Table().Border(console.Interactive ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumn("stack").AddColumn("stack file").AddColumn(new TableColumn("resources").RightAligned()).AddColumn("last update");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.Name),
                row.StackFile ? "yes" : "[yellow]no[/]",
                row.Resources?.ToString() ?? (row.Problem is null ? "-" : "[red]corrupt[/]"),
                row.Updated is { } u && u != DateTimeOffset.UnixEpoch ? u.ToString("yyyy-MM-dd HH:mm:ss'Z'") : "never");
        }

        console.Out.Write(table);
        return ExitCodes.Ok;
    }

    /// <summary>One stack in the listing.</summary>
    internal sealed record StackRow(string Name, bool StackFile, int? Resources, DateTimeOffset? Updated, string? Problem);
}
