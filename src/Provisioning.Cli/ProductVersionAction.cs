using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Provisioning.Cli;

/// <summary>
/// <c>provision --version</c>: prints this assembly's informational version (e.g. <c>1.0.0+&lt;commit&gt;</c>), whatever
/// the entry assembly is (the installed tool, <c>dotnet run</c>, or a test host running the CLI in-process).
/// </summary>
internal sealed class ProductVersionAction : SynchronousCommandLineAction
{
    /// <summary>The version text.</summary>
    public static string Version { get; } =
        typeof(ProductVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProductVersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
