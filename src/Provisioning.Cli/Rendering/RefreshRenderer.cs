using System.Globalization;
using Provisioning.Execution;
using Spectre.Console;

namespace Provisioning.Cli.Rendering;

/// <summary>
/// Shows a refresh as it runs: on an interactive terminal a status line with the registrations listed and the mappings
/// read so far (against Azure a large refresh waits on ARM's read limits); nothing otherwise (CI, pipes, --json).
/// </summary>
internal static class RefreshRenderer
{
    /// <summary>Runs <paramref name="refresh"/>, with the live status when <paramref name="live"/>.</summary>
    public static async Task<RefreshResult> RunAsync(IAnsiConsole console, bool live, Func<IProgress<RefreshProgress>?, Task<RefreshResult>> refresh)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(refresh);
        if (!live)
        {
            return await refresh(null);
        }

        RefreshResult? result = null;
        await console.Status().StartAsync("Reading what Azure holds…", async context =>
        {
            result = await refresh(new StatusProgress(context));
        });
        return result!;
    }

    /// <summary>The text of the status line for a progress report.</summary>
    public static string Describe(RefreshProgress progress) => string.Create(
        CultureInfo.InvariantCulture,
        $"Reading what Azure holds: {progress.ParentsListed}/{progress.Parents} registrations listed, {progress.Resources:N0} mappings read…");

    /// <summary>Reports straight into the status line (Spectre redraws it on its own thread).</summary>
    private sealed class StatusProgress(StatusContext context) : IProgress<RefreshProgress>
    {
        public void Report(RefreshProgress value) => context.Status(Markup.Escape(Describe(value)));
    }
}
