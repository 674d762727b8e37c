using Provisioning.Execution;

namespace Provisioning.Tests.Execution;

/// <summary>Collects progress events synchronously, as they are reported (unlike <see cref="Progress{T}"/>, which posts them).</summary>
internal sealed class CollectingProgress : IProgress<StepEvent>
{
    private readonly Lock _lock = new();
    private readonly List<StepEvent> _events = [];

    public IReadOnlyList<StepEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public void Report(StepEvent value)
    {
        lock (_lock)
        {
            _events.Add(value);
        }
    }
}
