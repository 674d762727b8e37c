using System.Text.Json;

namespace Provisioning.ArmEmulator;

/// <summary>Reads and atomically writes the emulator's JSON data file.</summary>
internal static class StateFile
{
    /// <summary>Loads the document, or returns null when the file does not exist.</summary>
    public static StateDocument? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        var document = JsonSerializer.Deserialize(stream, EmulatorJson.Info<StateDocument>())
            ?? throw new InvalidDataException($"The emulator data file '{path}' is empty.");
        if (document.Version != StateDocument.CurrentVersion)
        {
            throw new InvalidDataException(
                $"The emulator data file '{path}' has format version {document.Version}; this emulator reads version {StateDocument.CurrentVersion}.");
        }

        return document;
    }

    /// <summary>Writes the document to a temporary file beside the target, then moves it over the target.</summary>
    public static void Save(string path, StateDocument document)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, document, EmulatorJson.Info<StateDocument>());
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
