namespace Provisioning.Azure.State;

/// <summary>Azure Storage's naming rules for accounts and containers, checked before anything is contacted.</summary>
internal static class BlobNames
{
    /// <summary>Why <paramref name="name"/> cannot be a storage account name (3-24 lower-case letters and digits), or null.</summary>
    public static string? AccountProblem(string name) =>
        name.Length is < 3 or > 24 || !name.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c))
            ? "is not valid: an account name is 3 to 24 lower-case letters and digits."
            : null;

    /// <summary>
    /// Why <paramref name="name"/> cannot be a container name (3-63 lower-case letters, digits and single hyphens, starting
    /// and ending with a letter or digit), or null.
    /// </summary>
    public static string? ContainerProblem(string name) =>
        name.Length is < 3 or > 63
        || !name.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-')
        || name[0] == '-' || name[^1] == '-'
        || name.Contains("--", StringComparison.Ordinal)
            ? "is not valid: a container name is 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit."
            : null;
}
