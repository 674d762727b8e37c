using Provisioning.Engine;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>
/// The block "Drift since the last run": what changed or disappeared in Azure since the state recorded it, shown apart
/// from the plan, which says what the run will do about it. Nothing when nothing drifted.
/// </summary>
internal static class DriftRenderer
{
    /// <summary>Writes the block: one line per drifted mapping (by URN name; by ARM id too with <paramref name="showIds"/>) with what changed.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<DriftedResource> drift, bool showIds)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(drift);
        if (drift.Count == 0)
        {
            return;
        }

        console.MarkupLineInterpolated($"[yellow]Drift since the last run[/]: {drift.Count} mapping(s) changed in Azure since the state recorded them (not by this stack's files).");
        foreach (var d in drift)
        {
            var id = showIds ? $"  {d.Id}" : string.Empty;
            var registration = RegistrationGroup.Of(d.Id).Name;
            if (d.Deleted)
            {
                console.MarkupLineInterpolated($"  [red]- deleted[/] {d.Urn.Name} on {registration}{id}: gone from Azure");
                continue;
            }

            var changes = string.Join(", ", d.Diffs.Select(p => $"{p.Name} {p.Before ?? "(none)"} => {p.After ?? "(none)"}"));
            console.MarkupLineInterpolated($"  [yellow]~ changed[/] {d.Urn.Name} on {registration}{id}: {changes}");
        }
    }
}
