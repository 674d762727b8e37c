using System.CommandLine;
using Provisioning.Azure.State;
using Provisioning.Cli.Engine;
using Provisioning.Cli.Rendering;
using Provisioning.Engine;
using Spectre.Console;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Declares <c>provision init</c>: writes <c>Pulumi.yaml</c> and <c>Pulumi.&lt;stack&gt;.yaml</c>, a starter or, with
/// <c>--from-azure</c>, the fleet Azure holds (recorded in the state too). On an interactive terminal it asks for the names
/// it was not given; elsewhere a missing one is an error (exit 2).
/// </summary>
internal static class InitCommand
{
    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console, IProviderFactory providers)
    {
        var cwd = new Option<string>("--cwd", "-C") { Description = "The folder to write Pulumi.yaml and the stack file in (created when missing). Default: the current directory." }.MustBeWritableFolder();
        var project = new Option<string>("--project") { Description = "The project name: Pulumi.yaml's name, the namespace of the stack file's keys. Asked for on a terminal when missing." };
        var stack = new Option<string>("--stack", "-s") { Description = "The stack name: init writes Pulumi.<stack>.yaml. Asked for on a terminal when missing." };
        var cloud = new Option<string>("--cloud") { Description = "AzureCloud, AzureChinaCloud, AzureUSGovernment, local, or an https:// ARM endpoint. Default: the project's default cloud, else AzureCloud." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing stack file, and a Pulumi.yaml that names another project (one naming this project is always kept)." };
        var fromAzure = new Option<bool>("--from-azure") { Description = "Declare every registration of the --subscription(s) and every mapping under them, and record those mappings in the stack's state: the next preview shows no change." };
        var subscription = new Option<string[]>("--subscription") { Description = "With --from-azure: a subscription whose Microsoft.AzureStack registrations are read; repeatable.", AllowMultipleArgumentsPerToken = false };
        var resourceGroup = new Option<string>("--resource-group", "-g") { Description = "With --from-azure: read only the registrations of this resource group." };
        var command = new Command("init", "Start a project: write Pulumi.yaml and Pulumi.<stack>.yaml, empty or (--from-azure) declaring the registrations and mappings that exist in Azure.")
        {
            cwd, project, stack, cloud, force, fromAzure, subscription, resourceGroup,
        };
        command.SetAction(async (parse, ct) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(cwd) is { Length: > 0 } given ? given : Directory.GetCurrentDirectory());
            var options = new InitOptions
            {
                Project = await AskAsync(console, parse.GetValue(project), "Project name:", Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar)), ct),
                Stack = await AskAsync(console, parse.GetValue(stack), "Stack name:", "dev", ct),
                Cloud = parse.GetValue(cloud),
                Force = parse.GetValue(force),
                FromAzure = parse.GetValue(fromAzure),
                Subscriptions = parse.GetValue(subscription) ?? [],
                ResourceGroup = parse.GetValue(resourceGroup),
            };
            if (options.FromAzure && options.Subscriptions.Count == 0 && console.Interactive)
            {
                var answer = await console.Out.PromptAsync(new TextPrompt<string>("Subscription id(s) to read the registrations of (separated by spaces or commas):"), ct);
                options = options with { Subscriptions = answer.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
            }

            return await RunAsync(console, providers, directory, options, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, IProviderFactory providers, string directory, InitOptions options, CancellationToken cancellationToken)
    {
        var observer = new InitObserver(new CliObserver(console, json: false, phaseLog: CliWorkspace.PhaseLog(providers)));
        var workspace = new WorkspaceOptions { Providers = providers, StateBackend = AzureStateBackend.Instance, Observer = observer };
        var result = await ProjectInit.InitAsync(directory, options, workspace, cancellationToken);
        if (options.FromAzure)
        {
            var recorded = result.Import?.Imported.Count ?? 0;
            console.Out.MarkupLineInterpolated($"[green]Stack {result.Stack} declares {result.Registrations} registration(s), {result.Tenants} tenant(s) and {result.Mappings} mapping(s); {recorded} were recorded in its state.[/]");
            if (recorded < result.Mappings)
            {
                console.Error.MarkupLineInterpolated($"[yellow]warning:[/] {result.Mappings - recorded} mapping(s) were not recorded (see above); preview shows them as '< adopt' until an up or import records them.");
            }
        }

        var cwd = string.Equals(directory, Path.GetFullPath(Directory.GetCurrentDirectory()), StringComparison.Ordinal) ? string.Empty : $" --cwd {directory}";
        console.Out.MarkupLineInterpolated($"Next: provision preview --stack {result.Stack}{cwd}");
        return ExitCodes.Ok;
    }

    /// <summary>The value given, else on an interactive terminal the answer to <paramref name="question"/>; else empty, which init reports as missing.</summary>
    private static async Task<string> AskAsync(CliConsole console, string? given, string question, string suggested, CancellationToken cancellationToken)
    {
        if (given is not null || !console.Interactive)
        {
            return given ?? string.Empty;
        }

        var prompt = new TextPrompt<string>(question)
            .Validate(answer => ProjectInit.IsValidName(answer) ? ValidationResult.Success() : ValidationResult.Error("Use 1 to 100 letters, digits, '_', '.' and '-'."));
        if (ProjectInit.IsValidName(suggested))
        {
            prompt.DefaultValue(suggested);
        }

        return await console.Out.PromptAsync(prompt, cancellationToken);
    }
}
