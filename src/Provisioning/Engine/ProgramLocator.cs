using System.Xml;
using System.Xml.Linq;
using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Engine;

/// <summary>Finds a C# program's project file: <c>main:</c> (a folder or a .csproj), else the single .csproj beside <c>Pulumi.yaml</c>.</summary>
internal static class ProgramLocator
{
    /// <summary>The program's project file, folder and assembly name; a <see cref="DiagnosticException"/> (PRV225) when there is none or several.</summary>
    public static ProgramLocation Find(string projectDirectory, ProgramProject program)
    {
        var span = program.Main is null ? SourceSpan.WholeFile(StackLoader.ProjectFileName) : program.MainSpan;
        string csproj;
        if (program.Main is { } main)
        {
            string path;
            try
            {
                path = Path.GetFullPath(Path.Combine(projectDirectory, main));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw new DiagnosticException(DiagnosticCatalog.ProgramProjectNotFound(span, $"'main: {main}' is not a usable path."));
            }

            csproj = File.Exists(path) && path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? path
                : Directory.Exists(path) ? Single(path, span, $"the folder '{main}'")
                : throw new DiagnosticException(DiagnosticCatalog.ProgramProjectNotFound(span, $"'main: {main}' is neither a folder nor a .csproj file."));
        }
        else
        {
            csproj = Single(projectDirectory, span, "the project folder");
        }

        return new ProgramLocation(csproj, Path.GetDirectoryName(csproj)!, AssemblyName(csproj));
    }

    private static string Single(string folder, SourceSpan span, string where)
    {
        var found = Directory.GetFiles(folder, "*.csproj").Order(StringComparer.Ordinal).ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw new DiagnosticException(DiagnosticCatalog.ProgramProjectNotFound(span, $"Pulumi.yaml says 'runtime: dotnet', but {where} has no .csproj file.")),
            _ => throw new DiagnosticException(DiagnosticCatalog.ProgramProjectNotFound(span, $"{where} has {found.Count} .csproj files ({string.Join(", ", found.Take(5).Select(Path.GetFileName))}); say which one is the program.")),
        };
    }

    /// <summary>The project's <c>AssemblyName</c>, else its file name: the program is <c>{name}.dll</c> in the build folder.</summary>
    private static string AssemblyName(string csproj)
    {
        var fallback = Path.GetFileNameWithoutExtension(csproj);
        try
        {
            var value = XDocument.Load(csproj).Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
            return string.IsNullOrEmpty(value) || value.Contains("$(", StringComparison.Ordinal) ? fallback : value;
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // dotnet build will name the problem with its own words.
            return fallback;
        }
    }
}
