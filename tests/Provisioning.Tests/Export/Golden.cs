using System.Runtime.CompilerServices;

namespace Provisioning.Tests.Export;

/// <summary>Golden files under Export/golden/. Run the tests with UPDATE_GOLDEN=1 to rewrite them from the current output.</summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the tests once with UPDATE_GOLDEN=1.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
