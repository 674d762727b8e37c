using System.CommandLine;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Declares <c>provision completion bash|zsh|fish|pwsh</c>: prints a script that makes the shell complete
/// <c>provision</c>'s verbs, options and option values. Each script asks the <c>provision</c> on the PATH, through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive, what may follow the line typed so far, so completions
/// always match the installed version and no <c>dotnet-suggest</c> is needed.
/// </summary>
internal static class CompletionCommand
{
    /// <summary>The shells, each with the script it gets (under Completions/).</summary>
    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["bash"] = "provision.bash",
        ["zsh"] = "provision.zsh",
        ["fish"] = "provision.fish",
        ["pwsh"] = "provision.ps1",
    };

    /// <summary>Makes the command.</summary>
    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh, fish or pwsh." };
        shell.CompletionSources.Add([.. Scripts.Keys]);
        shell.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && !Scripts.ContainsKey(value))
            {
                result.AddError($"completion: no script for the shell '{value}'; use one of {string.Join(", ", Scripts.Keys)}.");
            }
        });
        // One line: the root help lists it. How to load each script is in its opening comment, and in the README.
        var command = new Command("completion", "Print the shell completion script for provision (bash, zsh, fish, pwsh); its opening comment says how to load it.")
        {
            shell,
        };
        command.SetAction(parse =>
        {
            EmbeddedFiles.WriteRaw(console, EmbeddedFiles.Read(EmbeddedFiles.CompletionPrefix + Scripts[parse.GetValue(shell)!]));
            return ExitCodes.Ok;
        });
        return command;
    }
}
