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

    /// <summary>Why <paramref name="name"/> is not a valid resource group name, or null when it is.</summary>
    public static string? CheckResourceGroup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CheckCommon(name, MaxResourceGroupLength)
            ?? (name.EndsWith('.') ? "it must not end with '.'." : null);
    }

    /// <summary>Why <paramref name="name"/> is not a valid resource name, or null when it is.</summary>
    public static string? CheckResourceName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CheckCommon(name, MaxResourceNameLength);
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

        return name.Any(char.IsControl) ? "it must not contain control characters." : null;
    }
}
