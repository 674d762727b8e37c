namespace Provisioning.Engine;

/// <summary>How <c>provision import</c> behaves.</summary>
public sealed record ImportOptions
{
    /// <summary>Import without asking; without it the run asks <see cref="EngineObserver.ConfirmAsync"/>.</summary>
    public bool Yes { get; init; }

    /// <summary>Write the stack-file entries of the adopted mappings to this file (before the state is written).</summary>
    public string? OutFile { get; init; }
}
