namespace Provisioning.Sdk;

/// <summary>Marks <see cref="Secret{T}"/> whatever its type argument.</summary>
internal interface ISecret;

/// <summary>What a secret shows instead of its value.</summary>
internal static class SecretText
{
    public const string Placeholder = "[secret]";
}
