namespace Provisioning.Export;

/// <summary>
/// Hands out unique names in request order: the first asker of a name gets it, later ones get
/// <c>name_2</c>, <c>name_3</c>… So collisions resolve the same way on every run. Case-insensitive,
/// because file systems and readers may be.
/// </summary>
public sealed class NameAllocator(string separator = "_")
{
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns <paramref name="preferred"/> if free, else the first free <c>preferred{separator}N</c> (N from 2); marks it used.</summary>
    public string Allocate(string preferred)
    {
        ArgumentException.ThrowIfNullOrEmpty(preferred);
        var name = preferred;
        for (var n = 2; !_used.Add(name); n++)
        {
            name = $"{preferred}{separator}{n}";
        }

        return name;
    }
}
