using Provisioning.Diagnostics;

namespace Provisioning.State;

/// <summary>
/// The file-system checks of the local store, in one place: a path that must be a regular file (not a directory, not a
/// dangling link), a folder that must be a folder (not a file), and every <see cref="IOException"/> or
/// <see cref="UnauthorizedAccessException"/> turned into a catalogued diagnostic (exit code 1).
/// </summary>
internal static class StateFileSystem
{
    /// <summary>True when <paramref name="path"/> is a regular file, false when nothing is there; PRV106 for anything else.</summary>
    public static bool IsPresentFile(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new DiagnosticException(DiagnosticCatalog.NotAFile(path, what, "a directory"));
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            bool exists;
            try
            {
                exists = info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
            }
            catch (IOException)
            {
                exists = false;
            }

            return exists ? true : throw new DiagnosticException(DiagnosticCatalog.NotAFile(path, what, $"a symbolic link to '{target}', which does not exist"));
        }

        return info.Exists;
    }

    /// <summary>Throws PRV107 when the folder, or one of its parents, exists as something other than a folder.</summary>
    public static void CheckFolder(string directory)
    {
        for (var d = directory; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
        {
            if (Directory.Exists(d))
            {
                return;
            }

            var info = new FileInfo(d);
            if (info.Exists || info.LinkTarget is not null)
            {
                throw new DiagnosticException(DiagnosticCatalog.StateIoFailed(d, "use the state folder", info.LinkTarget is null ? "it is a file, not a folder." : $"it is a symbolic link to '{info.LinkTarget}', which is not a folder."));
            }
        }
    }

    /// <summary>Creates the folder (and its parents) when missing; PRV107 when it cannot.</summary>
    public static void EnsureFolder(string directory)
    {
        CheckFolder(directory);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(DiagnosticCatalog.StateIoFailed(directory, "create the state folder", e.Message), e);
        }
    }

    /// <summary>The file's bytes, or null when it does not exist; PRV106/PRV107 when it cannot be read.</summary>
    public static async Task<byte[]?> ReadAllBytesOrNullAsync(string path, string what, CancellationToken cancellationToken)
    {
        if (!IsPresentFile(path, what))
        {
            return null;
        }

        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(DiagnosticCatalog.StateIoFailed(path, $"read the {what}", e.Message), e);
        }
    }

    /// <summary>The number of newline-terminated lines (journal records, intact or not).</summary>
    public static int CompleteLines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    /// <summary>Deletes a file if it can; a failure here must not hide the error being reported.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: a hidden temporary file that readers skip.
        }
    }
}
