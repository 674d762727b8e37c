namespace Provisioning.Diagnostics;

/// <summary>A place in an input file: 1-based line and column. Printed as <c>file(line,col)</c>.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    /// <summary>A place for problems that come from the command line rather than a file.</summary>
    public static SourceSpan CommandLine { get; } = new("<command line>", 0, 0);

    /// <summary>A place naming only a file (no line known).</summary>
    public static SourceSpan WholeFile(string file) => new(file, 0, 0);

    /// <summary><c>file(line,col)</c>, or just the file when no line is known.</summary>
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}
