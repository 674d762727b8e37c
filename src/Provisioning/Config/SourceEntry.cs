namespace Provisioning.Config;

/// <summary>One key/value pair of a <see cref="SourceMapping"/>.</summary>
internal sealed record SourceEntry(SourceScalar Key, SourceNode Value);
