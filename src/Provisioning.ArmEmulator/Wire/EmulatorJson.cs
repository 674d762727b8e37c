using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.ArmEmulator;

/// <summary>The one set of JSON settings for bodies and the data file: camelCase, nulls left out, minimal escaping.</summary>
internal static class EmulatorJson
{
    /// <summary>Gets the serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the emulator's settings to a set of options (also used for the HTTP JSON options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        // The generated metadata first (no reflection at start-up); reflection only for a type it does not know.
        options.TypeInfoResolverChain.Insert(0, EmulatorJsonContext.Default);

        // Bodies are JSON, never HTML: write quotes in messages as ARM does ('x'), not as \u0027.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }

    /// <summary>The generated metadata of <typeparamref name="T"/> with <see cref="Options"/> (its encoder included): no reflection, so Native AOT keeps it.</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Info<T>() =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
