using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.Execution;

/// <summary>
/// Reads actual state by listing each parent's children: one paged list per registration,
/// never one GET per resource. Parents are listed concurrently (bounded).
/// </summary>
public static class Refresher
{
    /// <summary>
    /// Lists the children of every distinct parent. A parent answered 404 is reported as missing, with no children.
    /// With an <paramref name="interner"/>, listed ids and values equal to known ones are shared with them.
    /// </summary>
    public static async Task<RefreshResult> RefreshAsync(
        IResourceProvider provider,
        IEnumerable<ArmResourceId> parents,
        string childType,
        string apiVersion,
        int parallelism = 4,
        Interner? interner = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var distinct = parents.Distinct().ToList();
        var found = new ImmutableArray<ObservedResource>.Builder?[distinct.Count];
        var missing = new bool[distinct.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, distinct.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var items = ImmutableArray.CreateBuilder<ObservedResource>();
                try
                {
                    await foreach (var item in provider.ListAsync(distinct[i], childType, apiVersion, interner, ct))
                    {
                        items.Add(item);
                    }
                }
                catch (ResourceProviderException e) when (e.Status == 404)
                {
                    missing[i] = true;
                }

                found[i] = items;
            });

        return new RefreshResult(
            [.. found.SelectMany(b => b!)],
            [.. distinct.Where((_, i) => missing[i])]);
    }
}
