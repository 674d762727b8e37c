namespace Provisioning.Programs;

/// <summary>A line of the program's source, from caller-info attributes: the file as the compiler saw it and a 1-based line.</summary>
public sealed record ProgramSource(string File, int Line);
