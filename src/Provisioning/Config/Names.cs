using System.Text.RegularExpressions;

namespace Provisioning.Config;

/// <summary>The name rules shared by project, stack, registration and tenant names: <c>[A-Za-z0-9_.-]+</c>.</summary>
internal static partial class Names
{
    /// <summary>True when <paramref name="name"/> is non-empty and uses only letters, digits, '_', '.' and '-'.</summary>
    public static bool IsValid(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>True when <paramref name="value"/> is a GUID in its usual 8-4-4-4-12 form.</summary>
    public static bool IsGuid(string value) => Guid.TryParseExact(value, "D", out _);

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex NamePattern();
}
