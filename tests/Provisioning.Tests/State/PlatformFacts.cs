namespace Provisioning.Tests.State;

/// <summary>A fact that runs on Unix only, and is reported as skipped (not passed) elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> on Windows.</summary>
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes and symbolic links only.";
        }
    }
}

/// <summary>A fact about file permissions: skipped (not passed) where the tests run as root, whom permissions do not stop.</summary>
public sealed class NotRootUnixFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> on Windows and for root.</summary>
    public NotRootUnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes only.";
        }
        else if (Environment.UserName == "root")
        {
            Skip = "Runs as root: a read-only folder does not stop root (the same failure is tested with a directory in place of a file).";
        }
    }
}
