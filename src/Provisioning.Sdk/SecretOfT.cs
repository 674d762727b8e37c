using System.Text.Json.Serialization;

namespace Provisioning.Sdk;

/// <summary>
/// A value that is never shown: <see cref="ToString"/> and JSON give <c>[secret]</c>, and a stack output holding one is
/// handed to the engine without its value. Only <see cref="Reveal"/> gives the clear value, to the program's own code.
/// </summary>
/// <typeparam name="T">The type of the hidden value.</typeparam>
[JsonConverter(typeof(SecretJsonConverterFactory))]
public sealed class Secret<T> : ISecret
{
    private readonly T _value;

    internal Secret(T value) => _value = value;

    /// <summary>The clear value, for the program's own use (never print it).</summary>
    public T Reveal() => _value;

    /// <summary>Always <c>[secret]</c>.</summary>
    public override string ToString() => SecretText.Placeholder;
}
