namespace Provisioning.State;

/// <summary>The stack is locked by another run; <see cref="Holder"/> says who (null when the lock could not be read).</summary>
public sealed class StackLockedException : Exception
{
    /// <summary>Creates the exception for a lock held by <paramref name="holder"/>.</summary>
    public StackLockedException(string stack, LockInfo? holder)
        : base(holder is null
            ? $"The stack '{stack}' is locked by another run."
            : $"The stack '{stack}' is locked by another run: {holder.Describe()}.")
    {
        Holder = holder;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public StackLockedException()
        : base("The stack is locked by another run.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public StackLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public StackLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Who holds the lock, when known.</summary>
    public LockInfo? Holder { get; }
}
