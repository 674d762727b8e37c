using System.Collections.Immutable;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Tests.Execution;

/// <summary>
/// Wraps a provider and counts the PUTs and DELETEs in flight at once. Calls are held in waves: a call
/// waits until <paramref name="bound"/> calls are in flight together (or all <paramref name="total"/>
/// have started), so a run allowed that many reaches it for certain, and a run that ignores its bound
/// piles extra calls on top of a full wave.
/// </summary>
internal sealed class ConcurrencyProbe(IResourceProvider inner, int bound, int total) : IResourceProvider
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _wave = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _started;
    private int _max;

    public int MaxInFlight
    {
        get
        {
            lock (_lock)
            {
                return _max;
            }
        }
    }

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
        Task wave;
        lock (_lock)
        {
            _inFlight++;
            _started++;
            _max = Math.Max(_max, _inFlight);
            wave = _wave.Task;
            if (_inFlight >= bound || _started == total)
            {
                _wave.TrySetResult();
                _wave = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        try
        {
            // A guard against hanging, not a timing assertion: it only turns a deadlock into a failed step.
            await wave.WaitAsync(TimeSpan.FromSeconds(30));
            // Never finish synchronously, so that a run ignoring its bound has the chance to start more calls meanwhile.
            await Task.Yield();
            return await call();
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
            }
        }
    }
}
