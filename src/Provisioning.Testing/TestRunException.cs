using Provisioning.Diagnostics;

namespace Provisioning.Testing;

/// <summary>The program run by <c>Deployment.TestAsync</c> has errors: every diagnostic, each at the program's file and line where known.</summary>
public sealed class TestRunException : Exception
{
    /// <summary>Makes the exception for <paramref name="diagnostics"/>.</summary>
    public TestRunException(IReadOnlyList<Diagnostic> diagnostics)
        : base(MessageOf(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Makes an exception with no diagnostics.</summary>
    public TestRunException()
        : this([])
    {
    }

    /// <summary>Makes an exception with a message and no diagnostics.</summary>
    public TestRunException(string message)
        : base(message) => Diagnostics = [];

    /// <summary>Makes an exception with a message, an inner exception and no diagnostics.</summary>
    public TestRunException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [];

    /// <summary>Every diagnostic (errors and warnings).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string MessageOf(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return "The program has errors:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics);
    }
}
