namespace Provisioning.Sdk;

/// <summary>Thrown by <see cref="Config"/> when a value cannot be read as asked (not a number, not a boolean, not the object's shape).</summary>
public sealed class ConfigTypeException : Exception
{
    /// <summary>The value of <paramref name="key"/> cannot be read: <paramref name="reason"/> (never the secret value itself).</summary>
    public ConfigTypeException(string key, string reason, Exception? innerException = null)
        : base($"Configuration '{key}' {reason}", innerException) => Key = key;

    /// <summary>A value that cannot be read, with no key named.</summary>
    public ConfigTypeException()
        : this(string.Empty, "cannot be read.")
    {
    }

    /// <summary>A value that cannot be read, described by <paramref name="message"/>.</summary>
    public ConfigTypeException(string message)
        : base(message) => Key = string.Empty;

    /// <summary>The full key (<c>namespace:key</c>).</summary>
    public string Key { get; }

    internal Programs.ProgramSource? ThrownAt { get; init; }
}
