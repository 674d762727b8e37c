using Provisioning.Model;
using System.Collections.Immutable;
using Provisioning.Cli.Rendering;
using Provisioning.Execution;
using Spectre.Console.Testing;

namespace Provisioning.Cli.Tests;

public sealed class RefreshRendererTests
{
    private static readonly RefreshResult Empty = new(ImmutableArray<ObservedResource>.Empty, ImmutableArray<Model.ArmResourceId>.Empty);

    [Fact]
    public async Task On_a_terminal_the_status_line_follows_the_refresh()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;

        var result = await RefreshRenderer.RunAsync(console, live: true, progress =>
        {
            progress!.Report(new RefreshProgress(0, 50, 1_000));
            progress.Report(new RefreshProgress(50, 50, 100_000));
            return Task.FromResult(Empty);
        });

        Assert.Same(Empty, result);
        Assert.Contains("50/50 registrations listed, 100,000 mappings read", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Elsewhere_nothing_is_shown_and_no_progress_is_asked_for()
    {
        var console = new TestConsole();
        IProgress<RefreshProgress>? given = new Progress<RefreshProgress>();

        await RefreshRenderer.RunAsync(console, live: false, progress =>
        {
            given = progress;
            return Task.FromResult(Empty);
        });

        Assert.Null(given);
        Assert.Empty(console.Output);
    }
}
