namespace Provisioning.State;

/// <summary>What a journal holds: its intact records, the length of the intact prefix, and whether a torn last record was left out.</summary>
public sealed record JournalContent(IReadOnlyList<JournalRecord> Records, long ValidLength, bool TornTail);
