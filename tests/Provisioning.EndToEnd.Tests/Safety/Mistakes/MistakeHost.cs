namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>How <see cref="MistakeRunner"/> runs a case's command.</summary>
public enum MistakeHost
{
    /// <summary>In-process, connected to this case's emulator through <see cref="EmulatorProviderFactory"/> (the stack's cloud is not used).</summary>
    Emulator,

    /// <summary>
    /// In-process with the CLI's own <c>DefaultProviderFactory</c> (credentials, <c>--credential</c>, trust variables); point the
    /// cloud at this case's emulator with <see cref="MistakeProject.UseEmulatorEndpoint"/> so that any request is counted.
    /// </summary>
    Default,

    /// <summary>The real <c>provision</c> process (<c>dotnet provision.dll</c>): for mistakes that could bring down the test host (stack overflow).</summary>
    Process,
}
