using Provisioning.Diagnostics;

namespace Provisioning.Testing;

/// <summary>What a program run by <c>Deployment.TestAsync</c> registered, and its stack outputs.</summary>
/// <param name="Resources">Every component and resource, each component before its children, in declaration order.</param>
/// <param name="Outputs">
/// The stack outputs: a string as itself, any other value as its JSON text, a secret as <c>[secret]</c> (its clear text never leaves the program).
/// </param>
public sealed record TestResult(IReadOnlyList<TestResource> Resources, IReadOnlyDictionary<string, string?> Outputs)
{
    /// <summary>The warnings the run met (the same a <c>provision preview</c> of the program shows).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The state after the run: give it to the next run's <see cref="TestOptions.State"/> to test what a second up does.</summary>
    public TestState State { get; init; } = null!;

    /// <summary>The engine's run: its plan (steps with diffs), how it ended (<see cref="Engine.RunOutcome.Refused"/> for a protect refusal, with <see cref="Engine.StackRunResult.Diagnostics"/>), the steps applied.</summary>
    public Engine.StackRunResult Run { get; init; } = null!;

    /// <summary>The ids of every custom resource, in order.</summary>
    public IReadOnlyList<string> Ids => [.. Resources.Where(r => r.Id is not null).Select(r => r.Id!)];

    /// <summary>The URNs of every component and resource, in order.</summary>
    public IReadOnlyList<string> Urns => [.. Resources.Select(r => r.Urn)];

    /// <summary>The resources of type <paramref name="type"/>.</summary>
    public IReadOnlyList<TestResource> OfType(string type) => [.. Resources.Where(r => r.Type == type)];
}
