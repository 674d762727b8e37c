using System.CommandLine;

namespace Provisioning.Cli.Commands;

/// <summary>
/// Checks of path flags made while parsing, so a bad path is refused (exit 2) before anything is read, contacted or written.
/// </summary>
internal static class PathOptions
{
    /// <summary>A file the command will write: not empty, its folder exists, and it is not itself a folder.</summary>
    public static Option<string> MustBeWritableFile(this Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && FileProblem(value) is { } problem)
            {
                result.AddError($"{option.Name} {Shown(value)}: {problem}");
            }
        });
        return option;
    }

    /// <summary>A file the command reads: it exists and is a file.</summary>
    public static Option<string> MustBeExistingFile(this Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && !File.Exists(value))
            {
                result.AddError(Directory.Exists(value)
                    ? $"{option.Name} {Shown(value)}: is a folder; give a file."
                    : $"{option.Name} {Shown(value)}: the file does not exist.");
            }
        });
        return option;
    }

    /// <summary>A folder the command writes into: it may not exist yet (it is created), but it is not a file.</summary>
    public static Option<string> MustBeWritableFolder(this Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && (string.IsNullOrWhiteSpace(value) || File.Exists(value)))
            {
                result.AddError($"{option.Name} {Shown(value)}: {(File.Exists(value) ? "is a file; give a folder." : "needs a folder.")}");
            }
        });
        return option;
    }

    /// <summary>A folder that must exist (--cwd).</summary>
    public static Option<string> MustBeExistingFolder(this Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (value is not null && !Directory.Exists(value))
            {
                result.AddError(File.Exists(value)
                    ? $"{option.Name} {Shown(value)}: is a file; give the folder that holds Pulumi.yaml."
                    : $"{option.Name} {Shown(value)}: the folder does not exist.");
            }
        });
        return option;
    }

    /// <summary>Why a file cannot be written at <paramref name="path"/>, or null when it can be.</summary>
    public static string? FileProblem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path) || path.Any(char.IsControl))
        {
            return "needs a file name.";
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"is not a valid path ({e.Message})";
        }

        if (Directory.Exists(full))
        {
            return "is a folder; give a file name.";
        }

        // Never write over what a run reads: the project and stack files, or anything in the work folder (state, journal, lock, emulator data).
        var name = Path.GetFileName(full);
        if (name.StartsWith("Pulumi.", StringComparison.OrdinalIgnoreCase) && (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            return "is a project or stack file; write the output to another file.";
        }

        if (full.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Contains(".provision", StringComparer.OrdinalIgnoreCase))
        {
            return "is inside the .provision work folder (state, journal, lock); write the output elsewhere.";
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            return File.Exists(folder) ? $"'{folder}' is a file, not a folder." : $"the folder '{folder}' does not exist; create it first.";
        }

        return null;
    }

    private static string Shown(string value) => $"'{Diagnostics.DiagnosticCatalog.Excerpt(value, 200)}'";
}
