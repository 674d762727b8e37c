using System.Buffers;

namespace Provisioning.AzureStack;

/// <summary>ARM's naming rules for the parts of a registration's id.</summary>
public static class ArmNameRules
{
    /// <summary>The longest resource group name ARM accepts.</summary>
    public const int MaxResourceGroupLength = 90;

    /// <summary>The longest resource name ARM accepts.</summary>
    public const int MaxResourceNameLength = 260;

    private static readonly SearchValues<char> Forbidden = SearchValues.Create("<>%&:\\?/");

    private static readonly SearchValues<char> ResourceGroupPunctuation = SearchValues.Create("-_().");

    /// <summary>
    /// Why <paramref name="name"/> is not a valid resource group name, or null when it is. ARM's rule for
    /// resource groups is narrower than for other names: letters or digits (Unicode, as <see cref="char.IsLetterOrDigit(char)"/>),
    /// <c>- _ ( ) .</c>, at most 90 characters, not ending with <c>.</c> — so a space or <c>*</c> is refused.
    /// </summary>
    public static string? CheckResourceGroup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (CheckCommon(name, MaxResourceGroupLength) is { } problem)
        {
            return problem;
        }

        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && !ResourceGroupPunctuation.Contains(c))
            {
                return $"it must not contain '{c}': a resource group name has only letters, digits and - _ ( ) .";
            }
        }

        return name.EndsWith('.') ? "it must not end with '.'." : null;
    }

    /// <summary>Why <paramref name="name"/> is not a valid resource name (empty, too long, <c>&lt; &gt; % &amp; : \ ? /</c>, control characters, whitespace, invisible characters), or null when it is.</summary>
    public static string? CheckResourceName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (CheckCommon(name, MaxResourceNameLength) is { } problem)
        {
            return problem;
        }

        // ARM refuses names with whitespace; an invisible character would make a name that only looks the same.
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsWhiteSpace(name[i]) || char.GetUnicodeCategory(name[i]) == System.Globalization.UnicodeCategory.Format)
            {
                return $"it must not contain spaces or invisible characters (one is at character {i + 1}).";
            }
        }

        return null;
    }

    private static string? CheckCommon(string name, int maxLength)
    {
        if (name.Length == 0)
        {
            return "it must not be empty.";
        }

        if (name.Length > maxLength)
        {
            return $"it is {name.Length} characters long; the limit is {maxLength}.";
        }

        var forbidden = name.IndexOfAny(Forbidden);
        if (forbidden >= 0)
        {
            return $"it must not contain '{name[forbidden]}' (nor any of < > % & : \\ ? /).";
        }

        if (name.Any(char.IsControl))
        {
            return "it must not contain control characters.";
        }

        return null;
    }
}
