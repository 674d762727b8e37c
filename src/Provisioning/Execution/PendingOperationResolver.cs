using Provisioning.Model;
using System.Collections.Immutable;
using Provisioning.State;

namespace Provisioning.Execution;

/// <summary>
/// Resolves the intents an interrupted run left without a result, by reading each affected resource
/// back (PUT and DELETE are idempotent, so whatever is found is the truth): a PUT found is recorded,
/// a PUT not found is left for the plan to create again, a DELETE found is kept, a DELETE not found is
/// removed from the state.
/// </summary>
public static class PendingOperationResolver
{
    /// <summary>Reads every pending resource and returns the checkpoint with no pending operation left.</summary>
    public static async Task<PendingResolution> ResolveAsync(IResourceProvider provider, Checkpoint checkpoint, int parallelism = 8, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (checkpoint.Pending.IsDefaultOrEmpty)
        {
            return new PendingResolution(checkpoint, []);
        }

        var pending = checkpoint.Pending;
        var observed = new ObservedResource?[pending.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, pending.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (i, ct) => observed[i] = await provider.GetAsync(pending[i].Resource.Id, pending[i].Resource.ApiVersion, ct));

        var resources = checkpoint.Resources.ToList();
        var findings = ImmutableArray.CreateBuilder<string>(pending.Length);
        for (var i = 0; i < pending.Length; i++)
        {
            var operation = pending[i];
            var resource = operation.Resource;
            var found = observed[i];
            var at = resources.FindIndex(r => r.Id == resource.Id);
            var what = operation.Operation == JournalOperation.Put ? "create or update" : "delete";
            if (found is not null)
            {
                // Whatever ARM holds is recorded as ours: for a PUT, what was sent (or a later change, which the plan will show);
                // for a DELETE that did not happen, the resource as it is.
                var recorded = resource with { Id = found.Id, Properties = found.Properties };
                if (at >= 0)
                {
                    resources[at] = recorded;
                }
                else
                {
                    resources.Add(recorded);
                }

                findings.Add($"pending {what} of {resource.Id} from an interrupted run: found in Azure, recorded in the state.");
            }
            else
            {
                if (at >= 0)
                {
                    resources.RemoveAt(at);
                }

                findings.Add(operation.Operation == JournalOperation.Put
                    ? $"pending create or update of {resource.Id} from an interrupted run: not found in Azure, will be planned again."
                    : $"pending delete of {resource.Id} from an interrupted run: not found in Azure (deleted), removed from the state.");
            }
        }

        return new PendingResolution(checkpoint with { Resources = [.. resources], Pending = [] }, findings.ToImmutable());
    }
}
