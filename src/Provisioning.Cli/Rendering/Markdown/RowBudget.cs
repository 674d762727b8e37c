namespace Provisioning.Cli.Rendering.Markdown;

/// <summary>How many table rows one Markdown summary may still show (default 1,000: about 300 KB, well under the 1 MiB of a GitHub step summary).</summary>
internal sealed class RowBudget(int limit = RowBudget.DefaultLimit)
{
    /// <summary>The rows a report shows at most, unless told otherwise.</summary>
    public const int DefaultLimit = 1000;

    private int _left = limit;

    /// <summary>The rows a report shows at most.</summary>
    public int Limit { get; } = limit;

    /// <summary>Takes up to <paramref name="wanted"/> rows from what is left; returns how many may be shown.</summary>
    public int Take(int wanted)
    {
        var granted = Math.Clamp(wanted, 0, _left);
        _left -= granted;
        return granted;
    }
}
