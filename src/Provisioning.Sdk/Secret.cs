namespace Provisioning.Sdk;

/// <summary>Makes <see cref="Secret{T}"/> values.</summary>
public static class Secret
{
    /// <summary>Wraps <paramref name="value"/> so that it is never shown nor handed to the engine in clear.</summary>
    public static Secret<T> Create<T>(T value) => new(value);
}
