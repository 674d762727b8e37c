namespace Provisioning.Config;

/// <summary>What the stack needs from <c>Pulumi.yaml</c>: the project name (null when missing or invalid) and the backend url.</summary>
internal sealed record ProjectFile(string? Name, string? BackendUrl);
