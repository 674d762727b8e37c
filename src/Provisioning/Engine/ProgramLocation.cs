namespace Provisioning.Engine;

/// <summary>Where a C# program is: its project file, its folder (where it runs and its sources are named from) and its assembly name.</summary>
internal sealed record ProgramLocation(string ProjectFile, string Folder, string AssemblyName);
