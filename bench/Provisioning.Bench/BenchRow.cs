namespace Provisioning.Bench;

/// <summary>One line of the table: a figure, the goal it is held against, and whether it meets it.</summary>
/// <param name="Id">The figure (P1…P6).</param>
/// <param name="Name">What was measured, e.g. "preview 100,000 mappings: wall".</param>
/// <param name="Value">The median of the runs.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>.</param>
/// <param name="Goal">The goal in words, e.g. "≤ 3 s"; empty for a comparison row.</param>
/// <param name="Met">Whether the goal is met; null for a comparison row without a goal.</param>
/// <param name="Detail">Runs, sizes and counts behind the figure.</param>
internal sealed record BenchRow(string Id, string Name, double Value, string Unit, string Goal, bool? Met, string Detail);
