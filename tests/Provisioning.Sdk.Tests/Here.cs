using System.Runtime.CompilerServices;

namespace Provisioning.Sdk.Tests;

/// <summary>The test's own file and line, to check that diagnostics name the program's line.</summary>
internal static class Here
{
    public static int Line([CallerLineNumber] int line = 0) => line;

    public static string File([CallerFilePath] string file = "") => file;
}
