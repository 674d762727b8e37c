using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.Sdk;

/// <summary>Writes every <see cref="Secret{T}"/> as <c>"[secret]"</c>; reading one is refused.</summary>
internal sealed class SecretJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Secret<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<Secret<T>>
    {
        public override Secret<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A secret is never read from JSON.");

        public override void Write(Utf8JsonWriter writer, Secret<T> value, JsonSerializerOptions options) =>
            writer.WriteStringValue(SecretText.Placeholder);
    }
}
