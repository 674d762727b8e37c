using System.Collections.Immutable;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Tests.Execution;

/// <summary>
/// Wraps a provider and counts the PUTs and DELETEs in flight at once. The first calls wait until
/// <paramref name="expected"/> are in flight together, so a run that allows that many reaches it for
/// certain (and a run that allows fewer fails its calls instead of hanging).
/// </summary>
internal sealed class ConcurrencyProbe(IResourceProvider inner, int expected) : IResourceProvider
{
    private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _max;

    public int MaxInFlight => Volatile.Read(ref _max);

    public Task<ObservedResource> PutAsync(ArmResourceId id, string apiVersion, ImmutableSortedDictionary<string, string> properties, CancellationToken cancellationToken = default) =>
        MeasureAsync(() => inner.PutAsync(id, apiVersion, properties, cancellationToken));

    public Task DeleteAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default) =>
        MeasureAsync(async () =>
        {
            await inner.DeleteAsync(id, apiVersion, cancellationToken);
            return true;
        });

    public Task<ObservedResource?> GetAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default) =>
        inner.GetAsync(id, apiVersion, cancellationToken);

    public IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, CancellationToken cancellationToken = default) =>
        inner.ListAsync(parent, childType, apiVersion, cancellationToken);

    private async Task<T> MeasureAsync<T>(Func<Task<T>> call)
    {
        var now = Interlocked.Increment(ref _inFlight);
        var seen = Volatile.Read(ref _max);
        while (now > seen && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
            seen = Volatile.Read(ref _max);
        }

        try
        {
            if (now >= expected)
            {
                _full.TrySetResult();
            }

            // A guard against hanging, not a timing assertion: it only turns a deadlock into a failed step.
            await _full.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return await call();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
