using Provisioning.Model;

namespace Provisioning.State;

/// <summary>One line of a stack's journal: an intent before a request, or a result after it.</summary>
/// <param name="Sequence">Increases by one per record over the stack's whole life (snapshots remember the last one they include).</param>
/// <param name="Kind">What the record says.</param>
/// <param name="Id">The resource concerned.</param>
/// <param name="Operation">For an intent, the request announced.</param>
/// <param name="Resource">For an intent or a set, the resource (desired or recorded).</param>
/// <param name="Intent">For a result, the sequence number of the intent it concludes (0 for a state-only step).</param>
public sealed record JournalRecord(long Sequence, JournalRecordKind Kind, ArmResourceId Id, JournalOperation Operation = JournalOperation.Put, ResourceState? Resource = null, long Intent = 0);
