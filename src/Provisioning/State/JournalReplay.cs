using System.Globalization;
using Provisioning.Model;

namespace Provisioning.State;

/// <summary>Applies journal records to a snapshot: the checkpoint they describe, with the intents that have no result as pending.</summary>
public static class JournalReplay
{
    /// <summary>Replays the records newer than the snapshot's sequence, in order.</summary>
    public static Checkpoint Apply(Checkpoint snapshot, IReadOnlyList<JournalRecord> records)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(records);
        var newer = records.Where(r => r.Sequence > snapshot.Sequence).ToList();
        if (newer.Count == 0)
        {
            return snapshot;
        }

        // Removal leaves a hole, so that a removal costs O(1) and the others keep their order.
        var slots = new List<ResourceState?>(snapshot.Resources);
        var index = new Dictionary<ArmResourceId, int>(slots.Count);
        for (var i = 0; i < slots.Count; i++)
        {
            index[slots[i]!.Id] = i;
        }

        var pending = snapshot.Pending.IsDefault ? [] : snapshot.Pending.ToDictionary(p => p.Sequence);
        foreach (var record in newer)
        {
            switch (record.Kind)
            {
                case JournalRecordKind.Intent:
                    pending[record.Sequence] = new PendingOperation(record.Sequence, record.Operation, record.Resource
                        ?? throw new InvalidDataException($"journal record {record.Sequence.ToString(CultureInfo.InvariantCulture)}: an intent without its resource."));
                    break;
                case JournalRecordKind.Set:
                    var resource = record.Resource
                        ?? throw new InvalidDataException($"journal record {record.Sequence.ToString(CultureInfo.InvariantCulture)}: a result without its resource.");
                    if (index.TryGetValue(resource.Id, out var at))
                    {
                        slots[at] = resource;
                    }
                    else
                    {
                        index[resource.Id] = slots.Count;
                        slots.Add(resource);
                    }

                    break;
                case JournalRecordKind.Remove:
                    if (index.Remove(record.Id, out var removed))
                    {
                        slots[removed] = null;
                    }

                    break;
            }

            if (record.Intent != 0)
            {
                pending.Remove(record.Intent);
            }
        }

        return snapshot with
        {
            Resources = [.. slots.OfType<ResourceState>()],
            Sequence = newer[^1].Sequence,
            Pending = [.. pending.Values.OrderBy(p => p.Sequence)],
        };
    }
}
