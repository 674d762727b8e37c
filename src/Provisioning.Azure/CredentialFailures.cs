namespace Provisioning.Azure;

/// <summary>Reads why a credential (or each credential of a chain) could not get a token, one short line per credential.</summary>
internal static class CredentialFailures
{
    /// <summary>
    /// The reasons in <paramref name="failure"/>: the <c>- Credential: reason</c> lines of a chain's message
    /// (<c>DefaultAzureCredential</c>, <c>ChainedTokenCredential</c>), else each inner failure of an aggregate, else its own message.
    /// </summary>
    public static IReadOnlyList<string> Reasons(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var listed = failure.Message.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("- ", StringComparison.Ordinal))
            .Select(line => line[2..])
            .ToList();
        if (listed.Count > 0)
        {
            return listed;
        }

        if (failure.InnerException is AggregateException { InnerExceptions.Count: > 0 } each)
        {
            return [.. each.InnerExceptions.Select(e => FirstLine(e.Message))];
        }

        return [FirstLine(failure.Message)];
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
