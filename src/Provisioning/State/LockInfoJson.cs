using System.Text.Json;

namespace Provisioning.State;

/// <summary>The JSON shape of a <see cref="LockInfo"/> (the file lock's content).</summary>
public static class LockInfoJson
{
    /// <summary>Encodes the lock as UTF-8 JSON.</summary>
    public static byte[] Encode(LockInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("id", info.Id);
            w.WriteString("host", info.Host);
            w.WriteNumber("pid", info.ProcessId);
            w.WriteString("user", info.User);
            w.WriteString("since", info.Since);
            w.WriteString("operation", info.Operation);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes a lock; throws <see cref="JsonException"/> when it is not one.</summary>
    public static LockInfo Decode(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            return new LockInfo(
                ResourceStateJson.RequiredString(root, "id"),
                ResourceStateJson.RequiredString(root, "host"),
                root.GetProperty("pid").GetInt32(),
                ResourceStateJson.RequiredString(root, "user"),
                root.GetProperty("since").GetDateTimeOffset(),
                ResourceStateJson.RequiredString(root, "operation"));
        }
        catch (Exception e) when (e is KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new JsonException(e.Message, e);
        }
    }
}
