using System.Text.RegularExpressions;

namespace Provisioning.Planning;

/// <summary>
/// One <c>--target</c>: a URN or an ARM id in which <c>*</c> matches any run of characters. URNs match
/// ordinally, ARM ids case-insensitively (as ARM compares them); the whole text must match.
/// </summary>
public sealed class TargetPattern
{
    private readonly Regex _regex;

    /// <summary>Parses a pattern; throws <see cref="ArgumentException"/> when it is empty.</summary>
    public TargetPattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Text = pattern.Trim();
        var body = string.Join(".*", Text.Split('*').Select(Regex.Escape));
        var options = Text.StartsWith("urn:", StringComparison.Ordinal) ? RegexOptions.None : RegexOptions.IgnoreCase;
        _regex = new Regex($"^{body}$", options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary>True when the step's URN or ARM id matches.</summary>
    public bool Matches(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return _regex.IsMatch(step.Urn.Value) || _regex.IsMatch(step.Id.ToString());
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
