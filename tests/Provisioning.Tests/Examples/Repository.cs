namespace Provisioning.Tests.Examples;

/// <summary>Paths in the repository these tests were built from.</summary>
public static class Repository
{
    /// <summary>Gets the repository root: the first folder above the test binaries that holds Provisioning.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Returns the full path of a file given relative to the root with '/' separators.</summary>
    public static string File(string relative) => Path.Combine([Root, .. relative.Split('/')]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Provisioning.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root was not found above " + AppContext.BaseDirectory);
    }
}
