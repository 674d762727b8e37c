namespace Provisioning.Export;

/// <summary>One file of an export: its path relative to the output folder (always with <c>/</c>) and its text.</summary>
public sealed record ExportedFile(string RelativePath, string Content);
