using System.Runtime.CompilerServices;
using System.Text.Json;
using Provisioning.Programs;
using Provisioning.Testing;

namespace TenantRegistrations.Tests;

/// <summary>The example's own files (read where they are, beside the program) and the test options that run a program on them.</summary>
internal static class Example
{
    public const string Project = "tenant-registrations";
    public const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";

    /// <summary>The example's folder: examples/csharp-multi-stamp, beside this project's.</summary>
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "csharp-multi-stamp"));

    public static string TenantsFile { get; } = Path.Combine(Folder, "tenants.csv");

    /// <summary>The config of the example's <c>local</c> stack, as its stack file holds it, the CSV named by its full path.</summary>
    public static IReadOnlyDictionary<string, JsonElement> LocalConfig()
    {
        var (values, diagnostics) = ProgramConfig.FromStackFile("Pulumi.local.yaml", File.ReadAllText(Path.Combine(Folder, "Pulumi.local.yaml")));
        Assert.Empty(diagnostics);
        return values;
    }

    /// <summary>Options for the <c>local</c> stack with the example's stamps (or <paramref name="stamps"/>) and tenants.</summary>
    public static TestOptions Options(object? stamps = null)
    {
        var config = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in LocalConfig())
        {
            config[key] = value;
        }

        if (stamps is not null)
        {
            config[$"{Project}:stamps"] = stamps;
        }

        config[$"{Project}:tenantsFile"] = TenantsFile;
        return new TestOptions { ProjectName = Project, StackName = "local", Config = config };
    }

    /// <summary>The ARM id of the customer subscription billing to <paramref name="billed"/> on registration <paramref name="registration"/>.</summary>
    public static string Id(string registration, string billed) =>
        $"/subscriptions/{Subscription}/resourceGroups/azurestack/providers/Microsoft.AzureStack/registrations/{registration}/customerSubscriptions/{billed}";

    /// <summary>The URN of the mapping of <paramref name="tenant"/> on <paramref name="stamp"/>.</summary>
    public static string Urn(string stamp, string tenant) =>
        $"urn:pulumi:local::{Project}::provisioning:azurestack:TenantRegistration$azure-native:azurestack:CustomerSubscription::{stamp}-{tenant}";

    /// <summary>The URN of the registration component of <paramref name="stamp"/>.</summary>
    public static string ComponentUrn(string stamp) =>
        $"urn:pulumi:local::{Project}::provisioning:azurestack:TenantRegistration::{stamp}";

    private static string SourceFile([CallerFilePath] string file = "") => file;
}
