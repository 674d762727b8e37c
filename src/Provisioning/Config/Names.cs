using System.Text.RegularExpressions;

namespace Provisioning.Config;

/// <summary>The name rules shared by project, stack, registration and tenant names: <c>[A-Za-z0-9_.-]{1,100}</c>; and the strict GUID form.</summary>
internal static partial class Names
{
    /// <summary>The nil GUID, which names nothing.</summary>
    public const string NilGuid = "00000000-0000-0000-0000-000000000000";

    /// <summary>The longest project, stack, registration or tenant name (Pulumi's limit for project and stack names).</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// True when <paramref name="name"/> is 1 to <see cref="MaxLength"/> characters of ASCII letters, digits, '_', '.'
    /// and '-' (nothing after, not even a line break).
    /// </summary>
    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && NamePattern().IsMatch(name);

    /// <summary>
    /// True when <paramref name="value"/> is exactly a GUID's 36-character 8-4-4-4-12 form in ASCII hex (either case):
    /// no braces, no whitespace, nothing before or after. <see cref="Guid.TryParseExact(string, string, out Guid)"/> is
    /// not used: it forgives surrounding whitespace, which would then reach ARM.
    /// </summary>
    public static bool IsGuid(string value) => GuidPattern().IsMatch(value);

    // \z, not $: '$' also matches before a final line break.
    [GeneratedRegex(@"^[A-Za-z0-9_.-]+\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\z")]
    private static partial Regex GuidPattern();
}
