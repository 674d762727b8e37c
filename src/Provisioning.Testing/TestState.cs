using Provisioning.State;

namespace Provisioning.Testing;

/// <summary>
/// What a test run leaves behind for the next one: the stack's state and the in-memory ARM it ran against. Give it to
/// the next run (<see cref="TestOptions.State"/>, or <c>StackTest.RunAsync(..., state)</c>) to test what a second
/// <c>provision up</c> does: deletes, protect refusals, retainOnDelete forgets.
/// </summary>
public sealed class TestState
{
    /// <summary>A fresh state (nothing recorded) on a fresh in-memory ARM whose PUTs <paramref name="mocks"/> answer.</summary>
    public TestState(IMocks? mocks = null)
        : this(new InMemoryResourceProvider(mocks), new InMemoryStateStore())
    {
    }

    /// <summary>A state on the given provider and store.</summary>
    public TestState(InMemoryResourceProvider provider, InMemoryStateStore store)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(store);
        Provider = provider;
        Store = store;
    }

    /// <summary>The in-memory ARM: what exists, and every call made to it.</summary>
    public InMemoryResourceProvider Provider { get; }

    /// <summary>The stack's state store.</summary>
    public InMemoryStateStore Store { get; }

    /// <summary>The resources the state records (empty before any up).</summary>
    public IReadOnlyList<ResourceState> Resources => Store.Current is { } checkpoint ? [.. checkpoint.Resources] : [];
}
