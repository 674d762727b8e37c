namespace Provisioning.State;

/// <summary>The request an intent announces.</summary>
public enum JournalOperation
{
    /// <summary>A PUT (create or update).</summary>
    Put,

    /// <summary>A DELETE.</summary>
    Delete,
}
