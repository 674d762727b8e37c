namespace Provisioning.Cli.Engine;

/// <summary>The flags shared by preview, up and destroy, already parsed.</summary>
internal sealed record OperationOptions(
    string Stack,
    string Directory,
    bool Yes,
    bool ExpectNoChanges,
    bool Refresh,
    int Parallel,
    bool ShowSame);
