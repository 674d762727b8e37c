using Provisioning.Diagnostics;

namespace Provisioning.Config;

/// <summary>
/// A project whose <c>Pulumi.yaml</c> says <c>runtime: dotnet</c>: a C# program declares its registrations and tenants.
/// <paramref name="Main"/> is Pulumi's <c>main</c> (the program's folder or .csproj, relative to the project folder), null
/// for the single .csproj beside <c>Pulumi.yaml</c>; <paramref name="MainSpan"/> is where it is written.
/// </summary>
public sealed record ProgramProject(string? Main, SourceSpan MainSpan);
