namespace Provisioning.Cli.Rendering;

/// <summary>How preview, up, destroy and refresh show a run beyond the plan: ARM ids on every line, and where the Markdown report goes.</summary>
/// <param name="ShowIds">Step lines also show the full ARM id (<c>--show-ids</c>); default: URN name and tenant only.</param>
/// <param name="MarkdownFile">The file <c>--markdown</c> names, written (replaced) at the end of the run; null: none.</param>
/// <param name="StepSummaryFile">The GitHub Actions job summary (<c>GITHUB_STEP_SUMMARY</c>), appended to; null when not set.</param>
internal sealed record RenderingOptions(bool ShowIds = false, string? MarkdownFile = null, string? StepSummaryFile = null)
{
    /// <summary>Whether a Markdown report is to be written anywhere.</summary>
    public bool WantsMarkdown => MarkdownFile is not null || StepSummaryFile is not null;
}
