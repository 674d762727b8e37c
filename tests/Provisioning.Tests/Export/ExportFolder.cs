using Provisioning.Export;

namespace Provisioning.Tests.Export;

/// <summary>A temporary folder holding the files of one export; deleted on dispose.</summary>
internal sealed class ExportFolder : IDisposable
{
    public ExportFolder(IEnumerable<ExportedFile> files)
    {
        Path = Directory.CreateTempSubdirectory("provision-export-").FullName;
        foreach (var file in files)
        {
            var path = System.IO.Path.Combine(Path, file.RelativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
        }
    }

    public string Path { get; }

    public string this[string relativePath] => System.IO.Path.Combine(Path, relativePath);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
