using System.Collections.Immutable;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// The temporary project folder of one case, with the edits a case's <see cref="Mistake.Arrange"/> makes: files
/// written, replaced, cut, corrupted, a directory where a file goes, symlinks, states re-written with a valid checksum,
/// journal records appended, environment variables (restored by the runner).
/// </summary>
public sealed class MistakeProject(string directory, ArmEmulator.ArmEmulator emulator)
{
    private readonly Dictionary<string, string?> _savedEnvironment = [];

    /// <summary>The project folder (holds Pulumi.yaml).</summary>
    public string Dir { get; } = directory;

    /// <summary>This case's emulator (seeded with the stacks' registrations).</summary>
    public ArmEmulator.ArmEmulator Emulator { get; } = emulator;

    public string ProjectFile => Path.Combine(Dir, "Pulumi.yaml");

    public string StackFile(string stack = "local") => Path.Combine(Dir, $"Pulumi.{stack}.yaml");

    public string StatePath(string stack = "local", string project = "tenant-registrations") => Path.Combine(Dir, ".provision", "stacks", project, $"{stack}.json");

    public string JournalPath(string stack = "local") => Path.ChangeExtension(StatePath(stack), ".journal");

    public string LockPath(string stack = "local") => Path.ChangeExtension(StatePath(stack), ".lock");

    /// <summary>A path inside the project folder.</summary>
    public string At(string relative) => Path.Combine(Dir, relative);

    public void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(path))!);
        File.WriteAllText(Full(path), text);
    }

    public void WriteBytes(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(path))!);
        File.WriteAllBytes(Full(path), bytes);
    }

    public void Append(string path, string text) => File.AppendAllText(Full(path), text);

    public string Read(string path) => File.ReadAllText(Full(path));

    /// <summary>Replaces exact text, which must be there (so an edit never silently does nothing).</summary>
    public void Replace(string path, string old, string replacement, bool all = false)
    {
        var text = Read(path);
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"Arrange: '{old}' is not in {path}");
        File.WriteAllText(Full(path), all ? text.Replace(old, replacement, StringComparison.Ordinal) : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length)));
    }

    /// <summary>Keeps the text before <paramref name="marker"/> (which must be there): a file cut off.</summary>
    public void CutAt(string path, string marker)
    {
        var text = Read(path);
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"Arrange: '{marker}' is not in {path}");
        File.WriteAllText(Full(path), text[..at]);
    }

    /// <summary>Cuts a file to <paramref name="length"/> bytes.</summary>
    public void Truncate(string path, long length)
    {
        using var stream = new FileStream(Full(path), FileMode.Open);
        stream.SetLength(length);
    }

    /// <summary>Removes a file or a directory.</summary>
    public void Delete(string path)
    {
        if (Directory.Exists(Full(path)) && !File.GetAttributes(Full(path)).HasFlag(FileAttributes.ReparsePoint))
        {
            Directory.Delete(Full(path), recursive: true);
        }
        else
        {
            File.Delete(Full(path));
        }
    }

    /// <summary>Replaces whatever is at <paramref name="path"/> with an empty directory (a directory where a file goes).</summary>
    public void MakeDirectory(string path)
    {
        if (File.Exists(Full(path)))
        {
            File.Delete(Full(path));
        }

        Directory.CreateDirectory(Full(path));
        File.WriteAllText(Path.Combine(Full(path), "keep"), "a directory, not a file");
    }

    /// <summary>Replaces whatever is at <paramref name="path"/> with a symbolic link to <paramref name="target"/> (which may not exist).</summary>
    public void Symlink(string path, string target)
    {
        if (File.Exists(Full(path)))
        {
            File.Delete(Full(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Full(path))!);
        File.CreateSymbolicLink(Full(path), target);
    }

    /// <summary>Copies a file over another.</summary>
    public void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(to))!);
        File.Copy(Full(from), Full(to), overwrite: true);
    }

    /// <summary>Sets an environment variable for this case only (null removes it); the runner restores it.</summary>
    public void SetEnvironment(string name, string? value)
    {
        _savedEnvironment.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>Puts back every environment variable <see cref="SetEnvironment"/> changed.</summary>
    public void RestoreEnvironment()
    {
        foreach (var (name, value) in _savedEnvironment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _savedEnvironment.Clear();
    }

    /// <summary>Points a stack's cloud at this case's emulator as a custom loopback endpoint (for <see cref="MistakeHost.Default"/>).</summary>
    public void UseEmulatorEndpoint(string stack = "local") =>
        Replace(StackFile(stack), "tenant-registrations:cloud: local", $"tenant-registrations:cloud: {Emulator.BaseUri}\n  tenant-registrations:tokenScope: https://management.azurestack.local/.default");

    /// <summary>Reads a stack's state, changes it and writes it back through the product's own serializer: a valid checksum.</summary>
    public void EditState(Func<Checkpoint, Checkpoint> edit, string stack = "local")
    {
        var path = StatePath(stack);
        Checkpoint checkpoint;
        using (var stream = File.OpenRead(path))
        {
            checkpoint = CheckpointSerializer.Read(stream, path);
        }

        WriteState(edit(checkpoint), path);
    }

    /// <summary>Writes a checkpoint through the product's serializer (a valid checksum) at <paramref name="path"/>.</summary>
    public static void WriteState(Checkpoint checkpoint, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        CheckpointSerializer.Write(stream, checkpoint);
    }

    /// <summary>Reads the resources a stack's state holds.</summary>
    public ImmutableArray<ResourceState> Resources(string stack = "local")
    {
        using var stream = File.OpenRead(StatePath(stack));
        return CheckpointSerializer.Read(stream, StatePath(stack)).Resources;
    }

    /// <summary>Runs a CLI command over this case's emulator (with <c>--cwd</c> the project folder); it must exit 0.</summary>
    public CliResult Run(params string[] args)
    {
        var result = Task.Run(() => Cli.RunAsync(new EmulatorProviderFactory(Emulator), [.. args, "--cwd", Dir])).GetAwaiter().GetResult();
        Assert.True(result.ExitCode == 0, $"Arrange: '{string.Join(' ', args)}' must succeed:\n{result}");
        return result;
    }

    /// <summary>Appends records, encoded by the product's own journal serializer (valid line hashes), to a stack's journal.</summary>
    public void AppendJournal(IEnumerable<JournalRecord> records, string stack = "local")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(JournalPath(stack))!);
        using var stream = new FileStream(JournalPath(stack), FileMode.Append);
        stream.Write(JournalSerializer.Encode(records, new StateIdentity("tenant-registrations", stack)));
    }

    /// <summary>A copy of a state resource with another id (and the same URN, type and properties).</summary>
    public static ResourceState WithId(ResourceState resource, string id) => resource with { Id = ArmResourceId.Parse(id) };

    private string Full(string path) => Path.IsPathRooted(path) ? path : Path.Combine(Dir, path);
}
