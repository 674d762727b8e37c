using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Provisioning.Programs;

namespace Provisioning.Sdk;

/// <summary>
/// The stack file's <c>config:</c> values under one namespace: the project's (<c>new Config()</c>) or another
/// (<c>new Config("azure-native")</c>). <c>Get…</c> gives null when the key is not set; <c>Require…</c> throws
/// <see cref="ConfigMissingException"/>, which the engine reports by key with the caller's file and line.
/// </summary>
public sealed class Config
{
    private static readonly JsonSerializerOptions ObjectOptions = new(JsonSerializerDefaults.Web);

    private readonly DeploymentContext _deployment;

    /// <summary>The config of namespace <paramref name="name"/>, or of the project when null.</summary>
    public Config(string? name = null)
    {
        _deployment = DeploymentContext.Require("Config");
        Name = name ?? _deployment.Settings.Project;
    }

    /// <summary>The namespace: the part before <c>:</c> in the stack file's keys.</summary>
    public string Name { get; }

    /// <summary>The value of <paramref name="key"/> as text (a number, boolean or object as its JSON), or null when not set.</summary>
    public string? Get(string key) =>
        Find(key) is { } value ? AsText(value) : null;

    /// <summary>The value of <paramref name="key"/> as text; throws <see cref="ConfigMissingException"/> when not set.</summary>
    public string Require(string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Get(key) ?? throw Missing(key, callerFile, callerLine);

    /// <summary>The value of <paramref name="key"/> as a 32-bit integer, or null when not set; throws <see cref="ConfigTypeException"/> when it is not one.</summary>
    public int? GetInt32(string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (Find(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)
            ? number
            : throw Invalid(key, "is not a 32-bit integer", callerFile, callerLine);
    }

    /// <summary>The value of <paramref name="key"/> as a 32-bit integer; throws when not set or not one.</summary>
    public int RequireInt32(string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        GetInt32(key, callerFile, callerLine) ?? throw Missing(key, callerFile, callerLine);

    /// <summary>The value of <paramref name="key"/> as a boolean (<c>true</c>/<c>false</c>), or null when not set; throws <see cref="ConfigTypeException"/> when it is not one.</summary>
    public bool? GetBoolean(string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Find(key) switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { ValueKind: JsonValueKind.String } text when bool.TryParse(text.GetString(), out var flag) => flag,
            _ => throw Invalid(key, "is not true or false", callerFile, callerLine),
        };

    /// <summary>The value of <paramref name="key"/> as a boolean; throws when not set or not one.</summary>
    public bool RequireBoolean(string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        GetBoolean(key, callerFile, callerLine) ?? throw Missing(key, callerFile, callerLine);

    /// <summary>
    /// The value of <paramref name="key"/> read as <typeparamref name="T"/> with System.Text.Json (web defaults: names match
    /// ignoring case), or default when not set; throws <see cref="ConfigTypeException"/> when it does not have T's shape.
    /// </summary>
    public T? GetObject<T>(string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        if (Find(key) is not { } value)
        {
            return default;
        }

        try
        {
            // Pulumi-style stacks may hold an object as JSON text: read the text's JSON then.
            return value.ValueKind == JsonValueKind.String && value.GetString() is { } text && text.TrimStart() is ['{' or '[', ..]
                ? JsonSerializer.Deserialize<T>(text, ObjectOptions)
                : value.Deserialize<T>(ObjectOptions);
        }
        catch (JsonException e)
        {
            var at = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? string.Empty : $" at {e.Path}";
            throw Invalid(key, $"does not have the shape of {typeof(T).Name}{at}", callerFile, callerLine, e);
        }
    }

    /// <summary>The value of <paramref name="key"/> read as <typeparamref name="T"/>; throws when not set or not of that shape.</summary>
    public T RequireObject<T>(string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        GetObject<T>(key, callerFile, callerLine) ?? throw Missing(key, callerFile, callerLine);

    /// <summary>The value of <paramref name="key"/> as a secret text, or null when not set.</summary>
    public Secret<string>? GetSecret(string key) =>
        Get(key) is { } value ? Secret.Create(value) : null;

    /// <summary>The value of <paramref name="key"/> as a secret text; throws <see cref="ConfigMissingException"/> when not set.</summary>
    public Secret<string> RequireSecret(string key, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        GetSecret(key) ?? throw Missing(key, callerFile, callerLine);

    private string FullKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return $"{Name}:{key}";
    }

    private JsonElement? Find(string key) =>
        _deployment.Settings.Config.TryGetValue(FullKey(key), out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string AsText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private ConfigMissingException Missing(string key, string callerFile, int callerLine) =>
        new(FullKey(key)) { ThrownAt = SourceOf(callerFile, callerLine) };

    // The reason never holds the value: it may be a secret, or huge.
    private ConfigTypeException Invalid(string key, string reason, string callerFile, int callerLine, Exception? inner = null) =>
        new(FullKey(key), reason + ".", inner) { ThrownAt = SourceOf(callerFile, callerLine) };

    private static ProgramSource? SourceOf(string file, int line) =>
        line > 0 && !string.IsNullOrEmpty(file) ? new ProgramSource(file, line) : null;
}
