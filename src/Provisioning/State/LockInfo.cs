using System.Globalization;

namespace Provisioning.State;

/// <summary>Who holds a stack's lock: the lock id (for <c>--force-unlock</c>), host, process, user, since when and for which verb.</summary>
public sealed record LockInfo(string Id, string Host, int ProcessId, string User, DateTimeOffset Since, string Operation)
{
    /// <summary>A new lock for the current process.</summary>
    public static LockInfo ForCurrentProcess(string operation, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(Guid.NewGuid().ToString("N"), Environment.MachineName, Environment.ProcessId, Environment.UserName, time.GetUtcNow(), operation);
    }

    /// <summary>One line for people: <c>up by alice on host (pid 42) since 2025-03-14T15:09:26Z, lock id …</c>.</summary>
    public string Describe() =>
        $"{Operation} by {User} on {Host} (process {ProcessId.ToString(CultureInfo.InvariantCulture)}) since {Since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}, lock id {Id}";
}
