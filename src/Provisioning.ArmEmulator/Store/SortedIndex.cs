using System.Diagnostics.CodeAnalysis;

namespace Provisioning.ArmEmulator;

/// <summary>Values by an ordinal string key, kept in key order so that one page of a list costs O(log n + page) however large it grows.</summary>
/// <remarks>A hash map for lookups and a sorted set of the same keys for paging. Not thread-safe: the store's lock guards it.</remarks>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class SortedIndex<T>
    where T : class
{
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>Gets the number of values.</summary>
    public int Count => _values.Count;

    /// <summary>Gets the values in ordinal key order.</summary>
    public IEnumerable<T> Values => _keys.Select(key => _values[key]);

    /// <summary>Gets the value of a key, or null.</summary>
    public T? Find(string key) => _values.GetValueOrDefault(key);

    /// <summary>Gets the value of a key.</summary>
    public bool TryGetValue(string key, [NotNullWhen(true)] out T? value) => _values.TryGetValue(key, out value);

    /// <summary>Adds a value or replaces the value of its key.</summary>
    public void Set(string key, T value)
    {
        _values[key] = value;
        _keys.Add(key);
    }

    /// <summary>Removes a key; returns false when it was not there.</summary>
    public bool Remove(string key, [NotNullWhen(true)] out T? value)
    {
        if (!_values.Remove(key, out value))
        {
            return false;
        }

        _keys.Remove(key);
        return true;
    }

    /// <summary>Removes everything.</summary>
    public void Clear()
    {
        _values.Clear();
        _keys.Clear();
    }

    /// <summary>
    /// Returns up to <paramref name="pageSize"/> values whose keys start with <paramref name="prefix"/> and follow
    /// <paramref name="afterKey"/> (a full key, which need not exist), with the key to continue after, null on the last page.
    /// </summary>
    public (List<T> Items, string? NextKey) Page(string prefix, string? afterKey, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var items = new List<T>(Math.Min(pageSize, _values.Count));
        var start = afterKey is null || string.CompareOrdinal(afterKey, prefix) < 0 ? prefix : afterKey;
        if (_keys.Count == 0 || string.CompareOrdinal(start, _keys.Max) > 0)
        {
            return (items, null);
        }

        // A view is O(log n) to create and to start enumerating; it does not walk the keys before it.
        string? last = null;
        foreach (var key in _keys.GetViewBetween(start, _keys.Max!))
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                break;
            }

            if (string.Equals(key, afterKey, StringComparison.Ordinal))
            {
                continue;
            }

            if (items.Count == pageSize)
            {
                return (items, last);
            }

            items.Add(_values[key]);
            last = key;
        }

        return (items, null);
    }
}
