using System.Globalization;

namespace Provisioning.ArmEmulator;

/// <summary>
/// ARM's rules for the names in a request's path, checked before any resource provider sees it (arm-api.md §3.4): a
/// subscription id is a GUID; a resource group name is 1-90 letters, digits, <c>_ . - ( )</c>, not ending in <c>.</c>; a
/// resource name is 1-260 characters without <c>&lt; &gt; % &amp; : \ ? / #</c>, control characters or whitespace, and
/// does not end with <c>.</c>. A name ARM would refuse is never stored.
/// </summary>
/// <remarks>
/// ARM's generic rule does not list the space; the Microsoft.AzureStack provider's names (<c>azurestack-{CloudId}</c>, GUIDs)
/// never hold one, and a name with whitespace is what a client that failed to trim sends, so the emulator refuses it
/// rather than store a second name that looks like the first.
/// </remarks>
internal static class ArmNames
{
    private const int MaxResourceName = 260;
    private const int MaxResourceGroupName = 90;
    private const string ForbiddenInResourceName = "<>%&:\\?/#";

    /// <summary>Why <paramref name="subscriptionId"/> is not a subscription id, or null when it is one.</summary>
    public static string? SubscriptionIdProblem(string subscriptionId) =>
        IsGuid(subscriptionId) ? null : "not a GUID";

    /// <summary>
    /// True for exactly the 36-character 8-4-4-4-12 form. <see cref="Guid.TryParseExact(string, string, out Guid)"/> alone
    /// is not enough: it ignores surrounding whitespace, so <c>" {guid} "</c> would pass and be stored as another name.
    /// </summary>
    public static bool IsGuid(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    /// <summary>Why <paramref name="name"/> is not a resource group name, or null when it is one.</summary>
    public static string? ResourceGroupProblem(string name)
    {
        if (name.Length is 0 or > MaxResourceGroupName)
        {
            return $"it must be 1 to {MaxResourceGroupName} characters long";
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '(' or ')'))
            {
                return $"it contains {Describe(c)}; only letters, digits, '_', '.', '-', '(' and ')' are allowed";
            }
        }

        return name.EndsWith('.') ? "it must not end with '.'" : null;
    }

    /// <summary>Why <paramref name="name"/> is not a resource name, or null when it is one.</summary>
    public static string? ResourceNameProblem(string name)
    {
        if (name.Length is 0 or > MaxResourceName)
        {
            return $"it must be 1 to {MaxResourceName} characters long";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || ForbiddenInResourceName.Contains(c, StringComparison.Ordinal))
            {
                return $"it contains {Describe(c)}; names cannot contain '<', '>', '%', '&', ':', '\\', '?', '/', '#', whitespace or control characters";
            }
        }

        return name.EndsWith('.') ? "it must not end with '.'" : null;
    }

    /// <summary>A name as quoted in an error: control characters escaped, at most 80 characters.</summary>
    public static string Quote(string name)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in name.Length > 80 ? name[..80] : name)
        {
            text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return name.Length > 80 ? text.Append('…').ToString() : text.ToString();
    }

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c)
            ? string.Create(CultureInfo.InvariantCulture, $"the character U+{(int)c:X4}")
            : $"'{c}'";
}
