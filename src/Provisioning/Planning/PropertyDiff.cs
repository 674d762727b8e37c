namespace Provisioning.Planning;

/// <summary>One property that differs: its value before (null when absent) and after (null when removed).</summary>
public sealed record PropertyDiff(string Name, string? Before, string? After);
