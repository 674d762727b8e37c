namespace Provisioning.Config;

/// <summary>Finds the known name closest to a misspelt one, for "did you mean" hints.</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate equal to <paramref name="value"/> ignoring case, else the one with the smallest edit
    /// distance when that distance is at most a third of the length (at least 1); null when none is close.
    /// </summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var allowed = Math.Max(1, value.Length / 3);
        foreach (var candidate in candidates)
        {
            // A length that differs by more than the allowed distance cannot be close (and a huge value costs nothing).
            if (string.Equals(candidate, value, StringComparison.Ordinal) || Math.Abs(candidate.Length - value.Length) > allowed)
            {
                continue;
            }

            var distance = string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(value.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    // Edit distance where swapping two neighbours counts as one edit ("esat" → "east"): optimal string alignment.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
