using System.Globalization;

namespace Provisioning.State;

/// <summary>Who holds a stack's lock: the lock id (for <c>--force-unlock</c>), host, process, user, since when and for which verb.</summary>
public sealed record LockInfo(string Id, string Host, int ProcessId, string User, DateTimeOffset Since, string Operation)
{
    private const string UnknownText = "unknown";

    /// <summary>A new lock for the current process.</summary>
    public static LockInfo ForCurrentProcess(string operation, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(Guid.NewGuid().ToString("N"), Environment.MachineName, Environment.ProcessId, Environment.UserName, time.GetUtcNow(), operation);
    }

    /// <summary>A lock whose content could not be read (its holder died while writing it), last written at <paramref name="written"/>.</summary>
    public static LockInfo Unknown(DateTimeOffset written) => new(UnknownText, UnknownText, 0, UnknownText, written, UnknownText);

    /// <summary>True for <see cref="Unknown"/>.</summary>
    public bool IsUnknown => ProcessId == 0 && Id == UnknownText;

    /// <summary>
    /// One line for people: <c>host build-7, process 4242, user alice, `up` since 2026-11-30T09:12:00Z (lock id 3f2a…)</c>;
    /// the time in ISO 8601, UTC.
    /// </summary>
    public string Describe()
    {
        var since = Since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return IsUnknown
            ? $"an unknown run: the lock file is empty or unreadable (last written {since}); if no run is using the stack, release it with --force-unlock"
            : $"host {Host}, process {ProcessId.ToString(CultureInfo.InvariantCulture)}, user {User}, `{Operation}` since {since} (lock id {Id})";
    }

    /// <summary>The same line as <see cref="Describe"/>, so that a lock printed anywhere reads for people.</summary>
    public override string ToString() => Describe();
}
