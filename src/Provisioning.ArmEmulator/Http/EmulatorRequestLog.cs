namespace Provisioning.ArmEmulator;

/// <summary>Counts every request the emulator answers by method, kind, status and fault, and keeps the most recent ones.</summary>
/// <remarks>Counts cover every request since the last <see cref="Clear"/>; entries are capped at <see cref="MaxEntries"/> so a million-request run stays small.</remarks>
public sealed class EmulatorRequestLog
{
    /// <summary>The number of most recent requests kept in <see cref="Entries"/> (10,000).</summary>
    public const int MaxEntries = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<EmulatorRequest> _entries = new();
    private readonly Dictionary<(string Method, int StatusCode), int> _counts = [];
    private readonly Dictionary<(ArmOperationKind Kind, int StatusCode), int> _kindCounts = [];
    private readonly Dictionary<EmulatorFault, int> _faultCounts = [];
    private int _count;
    private int _throttled;

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

    /// <summary>Gets the number of ARM requests (not <c>/_emulator</c> ones) per (kind, status); a dropped connection counts under status 0.</summary>
    public IReadOnlyDictionary<(ArmOperationKind Kind, int StatusCode), int> CountsByKind
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<(ArmOperationKind Kind, int StatusCode), int>(_kindCounts);
            }
        }
    }

    /// <summary>Gets the number of requests per injected fault (faults that occurred only).</summary>
    public IReadOnlyDictionary<EmulatorFault, int> FaultCounts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<EmulatorFault, int>(_faultCounts);
            }
        }
    }

    /// <summary>Gets the number of requests ARM's throttle refused with 429 SubscriptionRequestsThrottled.</summary>
    public int ThrottledCount
    {
        get
        {
            lock (_gate)
            {
                return _throttled;
            }
        }
    }

    /// <summary>Returns the number of ARM requests of this kind answered with this status (0: connection dropped).</summary>
    public int CountOf(ArmOperationKind kind, int statusCode)
    {
        lock (_gate)
        {
            return _kindCounts.GetValueOrDefault((kind, statusCode));
        }
    }

    /// <summary>Returns the number of ARM requests of this kind, whatever their status.</summary>
    public int CountOf(ArmOperationKind kind)
    {
        lock (_gate)
        {
            return _kindCounts.Where(c => c.Key.Kind == kind).Sum(c => c.Value);
        }
    }

    /// <summary>Returns the number of requests that met this injected fault.</summary>
    public int CountOf(EmulatorFault fault)
    {
        lock (_gate)
        {
            return _faultCounts.GetValueOrDefault(fault);
        }
    }

    /// <summary>Forgets every request counted so far.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _counts.Clear();
            _kindCounts.Clear();
            _faultCounts.Clear();
            _count = 0;
            _throttled = 0;
        }
    }

    internal void Record(EmulatorRequest request)
    {
        var key = (request.Method.ToUpperInvariant(), request.StatusCode);
        lock (_gate)
        {
            _count++;
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            if (request.Kind is { } kind)
            {
                _kindCounts[(kind, request.StatusCode)] = _kindCounts.GetValueOrDefault((kind, request.StatusCode)) + 1;
            }

            if (request.Fault != EmulatorFault.None)
            {
                _faultCounts[request.Fault] = _faultCounts.GetValueOrDefault(request.Fault) + 1;
            }

            if (request.Throttled)
            {
                _throttled++;
            }

            if (_entries.Count == MaxEntries)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(request);
        }
    }
}
