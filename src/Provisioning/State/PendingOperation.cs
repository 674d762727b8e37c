namespace Provisioning.State;

/// <summary>
/// A request recorded as about to be sent (an intent) with no recorded result: the run was
/// interrupted, so whether ARM applied it is unknown until the resource is read back.
/// </summary>
/// <param name="Sequence">The journal sequence number of the intent.</param>
/// <param name="Operation">PUT or DELETE.</param>
/// <param name="Resource">For a PUT, the desired resource; for a DELETE, the resource as recorded before it.</param>
public sealed record PendingOperation(long Sequence, JournalOperation Operation, ResourceState Resource);
