using System.CommandLine;
using System.Text.RegularExpressions;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Declares <c>provision schema stack [--project NAME]</c> and <c>provision schema plan</c>: print the JSON Schema of the
/// stack file or of the <c>--json</c> output, as built into the tool (the files of <c>schema/</c>).
/// </summary>
internal static partial class SchemaCommand
{
    /// <summary>Makes the command group.</summary>
    public static Command Create(CliConsole console) => new("schema", "Print a JSON Schema built into provision: of the stack file (for editors) or of the --json output.")
    {
        CreateStack(console),
        CreatePlan(console),
    };

    private static Command CreateStack(CliConsole console)
    {
        var project = new Option<string>("--project", "-p")
        {
            Description = "Spell out this project's config keys (NAME:cloud, NAME:registrations, NAME:tenants, NAME:tokenScope) so editors complete them. Default: match any project name.",
        };
        project.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && !ProjectName().IsMatch(value))
            {
                result.AddError($"--project: '{value}' is not a project name: use up to 100 letters, digits, '_', '.' and '-' (the name: of Pulumi.yaml).");
            }
        });
        var command = new Command("stack", "Print the JSON Schema of Pulumi.<stack>.yaml. Save it and name it on a stack file's first line: # yaml-language-server: $schema=<file>.")
        {
            project,
        };
        command.SetAction(parse =>
        {
            var schema = EmbeddedFiles.Read(EmbeddedFiles.SchemaPrefix + "stack.schema.json");
            var name = parse.GetValue(project);
            EmbeddedFiles.WriteRaw(console, string.IsNullOrEmpty(name) ? schema : StackSchema.ForProject(schema, name));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreatePlan(CliConsole console)
    {
        var command = new Command("plan", "Print the JSON Schema of the --json output of preview, up, destroy and refresh (docs/json-output.md).");
        command.SetAction(_ =>
        {
            EmbeddedFiles.WriteRaw(console, EmbeddedFiles.Read(EmbeddedFiles.SchemaPrefix + "plan-output.schema.json"));
            return ExitCodes.Ok;
        });
        return command;
    }

    // The project name rule of Pulumi.yaml (PRV011), which the schema's key patterns assume.
    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}\z")]
    private static partial Regex ProjectName();
}
