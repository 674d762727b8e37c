using Provisioning.Engine;

namespace Provisioning.Cli.Engine;

/// <summary>The flags shared by preview, up, destroy and refresh, already parsed: what the engine runs with, and how it is shown.</summary>
/// <param name="Stack">The stack.</param>
/// <param name="Directory">The project folder.</param>
/// <param name="Run">The engine's options.</param>
internal sealed record OperationOptions(string Stack, string Directory, RunOptions Run)
{
    /// <summary>Print one JSON document on standard output; human text goes to standard error.</summary>
    public bool Json { get; init; }

    /// <summary>List every property of every change, before and after.</summary>
    public bool Diff { get; init; }

    /// <summary>Also list the resources already as desired.</summary>
    public bool ShowSame { get; init; }
}
