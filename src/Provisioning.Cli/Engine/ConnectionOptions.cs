using Provisioning.Engine;
using System.CommandLine;
using Spectre.Console;

namespace Provisioning.Cli.Engine;

/// <summary>The global options that shape the connection to ARM: <c>--credential</c> and <c>--verbose</c>.</summary>
internal static class ConnectionOptions
{
    private const string CredentialName = "--credential";
    private const string VerboseName = "--verbose";

    /// <summary>Adds both options to the root, recursively (they may follow any subcommand).</summary>
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(new Option<string>(CredentialName)
        {
            Description = $"How to sign in to Azure: {string.Join(", ", Azure.AzureCredentials.Kinds)} (default: ${DefaultProviderFactory.CredentialVariable}, else default). See docs/azure.md.",
            Recursive = true,
        });
        root.Options.Add(new Option<bool>(VerboseName)
        {
            Description = $"Log every HTTP attempt to stderr (method, URL, status, request id, milliseconds; never tokens) and the time each phase took (also ${DefaultProviderFactory.VerboseVariable}=1).",
            Recursive = true,
        });
    }

    /// <summary>Hands the parsed values to the default provider factory (a test's own factory ignores them).</summary>
    public static void Apply(ParseResult parse, CliConsole console, IProviderFactory providers)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(console);
        if (providers is not DefaultProviderFactory factory)
        {
            return;
        }

        // Given but empty (--credential "") is a kind too, refused as unknown; only an absent option falls back to the variable.
        if (parse.GetValue<string>(CredentialName) is { } credential)
        {
            factory.CredentialKind = credential;
        }

        if (parse.GetValue<bool>(VerboseName) || DefaultProviderFactory.VerboseFromEnvironment())
        {
            var gate = new Lock();
            factory.HttpLog = line =>
            {
                lock (gate)
                {
                    console.Error.WriteLine(line, Style.Plain);
                }
            };
        }
    }
}
