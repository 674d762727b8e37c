namespace Provisioning.Sdk;

/// <summary>Thrown by <see cref="Config"/>'s <c>Require…</c> methods when the stack sets no value for the key.</summary>
public sealed class ConfigMissingException : Exception
{
    /// <summary>A missing key (<c>namespace:key</c>).</summary>
    public ConfigMissingException(string key)
        : base($"Missing required configuration variable '{key}'; set it under 'config:' in the stack file.") => Key = key;

    /// <summary>A missing key, with no key named.</summary>
    public ConfigMissingException()
        : this(string.Empty)
    {
    }

    /// <summary>A missing key described by <paramref name="message"/>.</summary>
    public ConfigMissingException(string message, Exception? innerException)
        : base(message, innerException) => Key = string.Empty;

    /// <summary>The full key (<c>namespace:key</c>).</summary>
    public string Key { get; }

    internal Programs.ProgramSource? ThrownAt { get; init; }
}
