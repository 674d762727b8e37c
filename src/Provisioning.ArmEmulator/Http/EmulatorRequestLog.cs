namespace Provisioning.ArmEmulator;

/// <summary>Counts every request the emulator answers by method and status, and keeps the most recent ones.</summary>
/// <remarks>Counts cover every request since the last <see cref="Clear"/>; entries are capped at <see cref="MaxEntries"/> so a million-request run stays small.</remarks>
public sealed class EmulatorRequestLog
{
    /// <summary>The number of most recent requests kept in <see cref="Entries"/> (10,000).</summary>
    public const int MaxEntries = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<EmulatorRequest> _entries = new();
    private readonly Dictionary<(string Method, int StatusCode), int> _counts = [];
    private int _count;

    /// <summary>Gets the number of requests answered since start or the last <see cref="Clear"/>.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Gets the most recent requests, oldest first.</summary>
    public IReadOnlyList<EmulatorRequest> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Gets the number of requests per (method, status), methods upper-case.</summary>
    public IReadOnlyDictionary<(string Method, int StatusCode), int> Counts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<(string Method, int StatusCode), int>(_counts);
            }
        }
    }

    /// <summary>Returns the number of requests with this method (any casing) answered with this status.</summary>
    public int CountOf(string method, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_gate)
        {
            return _counts.GetValueOrDefault((method.ToUpperInvariant(), statusCode));
        }
    }

    /// <summary>Forgets every request counted so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _counts.Clear();
            _count = 0;
        }
    }

    internal void Record(EmulatorRequest request)
    {
        var key = (request.Method.ToUpperInvariant(), request.StatusCode);
        lock (_gate)
        {
            _count++;
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            if (_entries.Count == MaxEntries)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(request);
        }
    }
}
