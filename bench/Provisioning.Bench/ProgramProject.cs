using System.Globalization;
using System.Text;
using Provisioning.Config;

namespace Provisioning.Bench;

/// <summary>
/// A generated C# program project (<c>runtime: dotnet</c>) in a temporary folder: one registration on <c>cloud: local</c>
/// with <c>N</c> tenant mappings, a console project referencing <c>src/Provisioning.Sdk</c> by absolute path.
/// </summary>
internal sealed class ProgramProject : IDisposable
{
    public const string Stack = "program";

    private ProgramProject(string directory, int mappings)
    {
        Directory = directory;
        Mappings = mappings;
    }

    public string Directory { get; }

    public int Mappings { get; }

    /// <summary>Writes the project; <paramref name="repositoryRoot"/> is where <c>src/Provisioning.Sdk</c> is.</summary>
    public static async Task<ProgramProject> CreateAsync(string repositoryRoot, int mappings, CancellationToken cancellationToken = default)
    {
        var sdk = Path.Combine(repositoryRoot, "src", "Provisioning.Sdk", "Provisioning.Sdk.csproj");
        if (!File.Exists(sdk))
        {
            throw new InvalidOperationException($"The SDK project is missing: {sdk}.");
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("provision-bench-program-").FullName;
        var project = new ProgramProject(directory, mappings);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, StackLoader.ProjectFileName), "name: bench\nruntime: dotnet\n", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, StackLoader.StackFileName(Stack)), "config:\n  bench:cloud: local\n", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "Bench.csproj"), ProjectFile(sdk), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), Program(mappings), cancellationToken);
            return project;
        }
        catch
        {
            project.Dispose();
            throw;
        }
    }

    /// <summary>The repository root (the folder holding <c>Provisioning.sln</c>) above <paramref name="start"/>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Provisioning.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PROVISION_BENCH_KEEP") == "1")
        {
            Console.Error.WriteLine($"kept {Directory}");
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static string ProjectFile(string sdk) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{sdk}" />
          </ItemGroup>
        </Project>
        """;

    private static string Program(int mappings)
    {
        var tenants = new StringBuilder();
        for (var i = 0; i < mappings; i++)
        {
            tenants.AppendLine(CultureInfo.InvariantCulture,
                $"            new() {{ Name = \"tenant{i:D3}\", TenantId = \"{Guid(0x1000 + i)}\", SubscriptionId = \"{Guid(0x2000 + i)}\" }},");
        }

        return $$"""
            using Provisioning.Sdk;
            using Provisioning.Sdk.AzureStack;

            return await Deployment.RunAsync(() =>
            {
                var registration = new TenantRegistration("west", new TenantRegistrationArgs
                {
                    SubscriptionId = "{{Guid(0x42)}}",
                    RegistrationName = "azurestack-west",
                    Tenants =
                    {
            {{tenants}}        },
                });
                return new Dictionary<string, object?> { ["registration"] = registration.Urn };
            });
            """;
    }

    private static string Guid(int n) => string.Create(CultureInfo.InvariantCulture, $"{n:x8}-0000-4000-8000-{n:x12}");
}
