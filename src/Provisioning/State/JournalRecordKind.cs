namespace Provisioning.State;

/// <summary>What one journal record says.</summary>
public enum JournalRecordKind
{
    /// <summary>A request is about to be sent (written and flushed before the request).</summary>
    Intent,

    /// <summary>A resource now exists as recorded (the result of a PUT, or a state-only step).</summary>
    Set,

    /// <summary>A resource is no longer managed (the result of a DELETE, or a forget).</summary>
    Remove,

    /// <summary>The request of an intent failed: nothing changed.</summary>
    Abandon,
}
