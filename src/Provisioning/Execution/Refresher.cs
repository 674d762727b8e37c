using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.Execution;

/// <summary>
/// Reads actual state by listing each parent's children: one paged list per registration,
/// never one GET per resource. Parents are listed concurrently (bounded).
/// </summary>
public static class Refresher
{
    private const int ProgressEvery = 1_000;

    /// <summary>
    /// Lists the children of every distinct parent. A parent answered 404 is reported as missing, with no children.
    /// With an <paramref name="interner"/>, listed ids and values equal to known ones are shared with them;
    /// <paramref name="progress"/> hears of every finished parent and of every 1,000 children read.
    /// </summary>
    public static async Task<RefreshResult> RefreshAsync(
        IResourceProvider provider,
        IEnumerable<ArmResourceId> parents,
        string childType,
        string apiVersion,
        int parallelism = 4,
        Interner? interner = null,
        IProgress<RefreshProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var distinct = parents.Distinct().ToList();
        var found = new ImmutableArray<ObservedResource>.Builder?[distinct.Count];
        var missing = new bool[distinct.Count];
        var listed = 0;
        var read = 0;
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
                        if (Interlocked.Increment(ref read) % ProgressEvery == 0)
                        {
                            progress?.Report(new RefreshProgress(Volatile.Read(ref listed), distinct.Count, Volatile.Read(ref read)));
                        }
                    }
                }
                catch (ResourceProviderException e) when (e.ResourceMissing)
                {
                    missing[i] = true;
                }

                found[i] = items;
                progress?.Report(new RefreshProgress(Interlocked.Increment(ref listed), distinct.Count, Volatile.Read(ref read)));
            });

        var lists = found.Select(b => b!.DrainToImmutable()).ToList();
        var byParent = new Dictionary<ArmResourceId, ImmutableArray<ObservedResource>>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            byParent[distinct[i]] = lists[i];
        }

        // Sized once: a million listed resources are not copied through a growing list.
        var all = ImmutableArray.CreateBuilder<ObservedResource>(lists.Sum(children => children.Length));
        foreach (var children in lists)
        {
            all.AddRange(children);
        }

        return new RefreshResult(
            all.MoveToImmutable(),
            [.. distinct.Where((_, i) => missing[i])])
        {
            ByParent = byParent,
        };
    }

    /// <summary>
    /// The distinct parents of <paramref name="children"/> (ignoring case), in first-seen order. A state of 100,000 mappings
    /// names a few dozen registrations, its mappings grouped by registration: a child under the parent seen last costs no allocation.
    /// </summary>
    public static IReadOnlyList<ArmResourceId> ParentsOf(IEnumerable<ArmResourceId> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var parents = new List<ArmResourceId>();
        var seen = new HashSet<ArmResourceId>();
        ArmResourceId? last = null;
        foreach (var child in children)
        {
            if (last is { } previous && child.IsChildOf(previous))
            {
                continue;
            }

            if (child.Parent is { } parent)
            {
                last = parent;
                if (seen.Add(parent))
                {
                    parents.Add(parent);
                }
            }
        }

        return parents;
    }
}
