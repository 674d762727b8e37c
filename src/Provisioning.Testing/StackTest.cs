using Provisioning.Config;
using Provisioning.Execution;

namespace Provisioning.Testing;

/// <summary>
/// Runs a YAML stack the way <c>provision up --yes</c> does — on the same engine — against an in-memory ARM, so that a
/// unit test can check resource ids, URNs and the calls made, without Azure. Give the <see cref="TestState"/> of one run
/// to the next to test deletes, protect and retainOnDelete.
/// </summary>
public static class StackTest
{
    /// <summary>Plans and applies the stack with a fresh state, on <paramref name="provider"/> or on a new in-memory ARM answered by <paramref name="mocks"/>.</summary>
    public static Task<StackTestResult> RunAsync(StackDefinition stack, IMocks? mocks = null, InMemoryResourceProvider? provider = null, CancellationToken cancellationToken = default) =>
        RunAsync(stack, new TestState(provider ?? new InMemoryResourceProvider(mocks), new InMemoryStateStore()), cancellationToken);

    /// <summary>Plans and applies the stack against what an earlier run left (<see cref="StackTestResult.State"/>), as a second <c>provision up</c> would.</summary>
    public static async Task<StackTestResult> RunAsync(StackDefinition stack, TestState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(state);
        var run = await TestEngine.RunAsync(new StackLoadResult(stack, []), state, preview: false, program: null, cancellationToken).ConfigureAwait(false);
        var execution = run.Execution ?? new ExecutionResult(state.Store.Current ?? State.Checkpoint.Empty(stack.Project, stack.Stack), [], Cancelled: false);
        return new StackTestResult(stack.Expand(), run.Plan, execution, state.Provider.Calls, state.Provider)
        {
            State = state,
            Outcome = run.Outcome,
            Diagnostics = run.Diagnostics,
        };
    }

    /// <summary>Loads a stack from YAML texts (as in <c>Pulumi.yaml</c> and <c>Pulumi.&lt;stack&gt;.yaml</c>); throws with every diagnostic when invalid.</summary>
    public static StackDefinition Load(string projectYaml, string stackYaml, string stack)
    {
        var result = StackLoader.Parse("Pulumi.yaml", projectYaml, $"Pulumi.{stack}.yaml", stackYaml, stack);
        if (result.HasErrors)
        {
            throw new InvalidOperationException("The stack is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return result.Stack!;
    }
}
