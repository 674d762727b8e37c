using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Provisioning.Engine;

/// <summary>
/// What a program's build depends on, by file times only (no MSBuild call): every <c>*.cs</c> and <c>*.csproj</c> under the
/// program's folder and the folders of the projects it references (transitively), and the <c>Directory.Build.*</c>,
/// <c>Directory.Packages.props</c>, <c>global.json</c> and <c>NuGet.config</c> files from those folders up to the repository
/// root. The stamp records the count, the newest write time and a digest of every path and time, so an added, removed,
/// touched or restored-older file all rebuild.
/// </summary>
internal static class ProgramFingerprint
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".provision", ".git", ".vs", "node_modules", "TestResults"];
    private static readonly string[] BuildFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config"];

    /// <summary>The stamp text of <paramref name="location"/>'s inputs now.</summary>
    public static string Compute(ProgramLocation location)
    {
        var files = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var projects = new Queue<string>([location.ProjectFile]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (projects.TryDequeue(out var project))
        {
            if (!seen.Add(project) || !File.Exists(project))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(project)!;
            AddSources(folder, files);
            AddBuildFiles(folder, files);
            foreach (var reference in References(project))
            {
                projects.Enqueue(reference);
            }
        }

        var digest = new StringBuilder();
        foreach (var (path, ticks) in files)
        {
            digest.Append(path).Append('|').Append(ticks).Append('\n');
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(digest.ToString())));
        var newest = files.Count == 0 ? 0 : files.Values.Max();
        return $"provision-program-stamp/1\n{location.ProjectFile}\n{files.Count}\n{newest}\n{hash}\n";
    }

    private static void AddSources(string folder, SortedDictionary<string, long> files)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal))
            {
                files[file] = File.GetLastWriteTimeUtc(file).Ticks;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
            {
                AddSources(sub, files);
            }
        }
    }

    private static void AddBuildFiles(string folder, SortedDictionary<string, long> files)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            foreach (var name in BuildFiles)
            {
                var path = Path.Combine(current.FullName, name);
                if (File.Exists(path))
                {
                    files[path] = File.GetLastWriteTimeUtc(path).Ticks;
                }
            }

            // MSBuild and NuGet look further up, but a repository's root is where these files live.
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                break;
            }
        }
    }

    private static List<string> References(string project)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(project);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var folder = Path.GetDirectoryName(project)!;
        return document.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value)
            .Where(include => !string.IsNullOrWhiteSpace(include) && !include.Contains("$(", StringComparison.Ordinal))
            .Select(include => Path.GetFullPath(Path.Combine(folder, include!.Replace('\\', '/'))))
            .ToList();
    }
}
