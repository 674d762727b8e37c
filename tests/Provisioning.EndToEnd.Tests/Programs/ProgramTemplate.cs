namespace Provisioning.EndToEnd.Tests.Programs;

/// <summary>
/// The C# program the Programs tests build once: what it declares depends on the stack it runs for (the <c>mode</c>
/// config), so one build serves every stack; the <c>outputs</c> mode declares a registration of its own and returns
/// plain outputs (a resource among them: its URN) and a secret one. Lines tagged <c>// expect PRVnnn</c> are where a diagnostic must point.
/// </summary>
internal static class ProgramTemplate
{
    public const string Project = "tenant-registrations";

    public static string SdkProject => Path.Combine(StackFolder.RepositoryRoot, "src", "Provisioning.Sdk", "Provisioning.Sdk.csproj");

    public static string ProjectFile => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{SdkProject}" />
          </ItemGroup>
        </Project>
        """;

    public const string PulumiYaml = """
        name: tenant-registrations
        runtime: dotnet
        """;

    public static string StackYaml(string mode) => $"""
        config:
          tenant-registrations:cloud: local
          tenant-registrations:mode: {mode}
        """;

    /// <summary>The clear text of the secret output of the <c>outputs</c> mode: it must appear nowhere provision writes.</summary>
    public const string SecretOutputText = "s3cr3t-0utput-cl3ar-t3xt";

    public const string Program = """
        using Provisioning.Sdk;
        using Provisioning.Sdk.AzureStack;

        if (Environment.GetEnvironmentVariable("PROVISION_STACK") == "norun")
        {
            return 0;
        }

        return await Deployment.RunAsync(() =>
        {
            var config = new Config();
            var mode = config.Require("mode");
            Console.WriteLine($"program output: running in mode {mode}");
            switch (mode)
            {
                case "throws":
                    throw new InvalidOperationException("the tenant list could not be read");
                case "hangs":
                    Thread.Sleep(Timeout.Infinite);
                    break;
                case "mistakes":
                    _ = new TenantRegistration("mis", new TenantRegistrationArgs
                    {
                        SubscriptionId = "6513270e-269e-4d37-b2a7-4de452e6b438",
                        RegistrationName = "azurestack-mis",
                        Tenants =
                        {
                            new() { Name = "badguid", TenantId = "not-a-guid", SubscriptionId = "0fd630f1-f29d-4da9-953f-48f1a09f76b5" }, // expect PRV016
                            new() { Name = "alpha", TenantId = "6b0d549b-6f03-475a-9600-a35a099950d8", SubscriptionId = "8d116ece-1738-47d9-bd9c-172411e20b8f" },
                            new() { Name = "alpha-again", TenantId = "6b0d549b-6f03-475a-9600-a35a099950d8", SubscriptionId = "a170b338-3926-4059-b28c-105d1fb17c23" }, // expect PRV027
                            new() { Name = "gamma", TenantId = "0cb1e29c-658c-4a14-95e6-0af593bd04cf", SubscriptionId = "8e81973e-0bec-47b0-b898-d190f9ebdacc" },
                            new() { Name = "delta", TenantId = "6b4cb242-4a23-4596-a217-beaddbc496cb", SubscriptionId = "8e81973e-0bec-47b0-b898-d190f9ebdacc" }, // expect PRV028
                        },
                    });
                    _ = new TenantRegistration("twice", new TenantRegistrationArgs { SubscriptionId = "6513270e-269e-4d37-b2a7-4de452e6b438", RegistrationName = "azurestack-twice" });
                    _ = new TenantRegistration("twice", new TenantRegistrationArgs { SubscriptionId = "6513270e-269e-4d37-b2a7-4de452e6b438", RegistrationName = "azurestack-twice2" }); // expect PRV210
                    _ = config.Require("region"); // expect PRV204
                    break;
                case "outputs":
                    var north = new TenantRegistration("north", new TenantRegistrationArgs
                    {
                        SubscriptionId = "6513270e-269e-4d37-b2a7-4de452e6b438",
                        RegistrationName = "azurestack-north",
                        Tenants = { new() { Name = "contoso", TenantId = "6b0d549b-6f03-475a-9600-a35a099950d8", SubscriptionId = "8d116ece-1738-47d9-bd9c-172411e20b8f" } },
                    });
                    return new Dictionary<string, object?> { ["mode"] = mode, ["stamps"] = 1, ["registration"] = north, ["adminPassword"] = Secret.Create("s3cr3t-0utput-cl3ar-t3xt") };
                default:
                    _ = new TenantRegistration("west", new TenantRegistrationArgs
                    {
                        SubscriptionId = "6513270e-269e-4d37-b2a7-4de452e6b438",
                        RegistrationName = "azurestack-west",
                        Tenants =
                        {
                            new() { Name = "contoso", TenantId = "6b0d549b-6f03-475a-9600-a35a099950d8", SubscriptionId = "8d116ece-1738-47d9-bd9c-172411e20b8f" },
                            new() { Name = "fabrikam", TenantId = "90c192cf-d3ac-44af-8f21-ddb66cad4a26", SubscriptionId = "a170b338-3926-4059-b28c-105d1fb17c23", Protect = true },
                        },
                    });
                    _ = new TenantRegistration("east", new TenantRegistrationArgs
                    {
                        SubscriptionId = "6513270e-269e-4d37-b2a7-4de452e6b438",
                        ResourceGroup = "azurestack-east",
                        RegistrationName = "azurestack-east",
                        Tenants = { new() { Name = "contoso", TenantId = "6b0d549b-6f03-475a-9600-a35a099950d8", SubscriptionId = "0fd630f1-f29d-4da9-953f-48f1a09f76b5" } },
                    });
                    break;
            }

            return new Dictionary<string, object?> { ["mode"] = mode };
        });
        """;

    /// <summary>The same mappings as the program's default mode, as a YAML stack.</summary>
    public const string SameMappingsYaml = """
        config:
          tenant-registrations:cloud: local
          tenant-registrations:registrations:
            west: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, resourceGroup: azurestack, name: azurestack-west }
            east: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, resourceGroup: azurestack-east, name: azurestack-east }
          tenant-registrations:tenants:
            contoso:
              tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
              subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f
              registrations:
                - west
                - registration: east
                  subscriptionId: 0fd630f1-f29d-4da9-953f-48f1a09f76b5
            fabrikam:
              tenantId: 90c192cf-d3ac-44af-8f21-ddb66cad4a26
              subscriptionId: a170b338-3926-4059-b28c-105d1fb17c23
              registrations: [west]
              protect: true
        """;

    /// <summary>Writes the program and one stack file per mode into <paramref name="folder"/>.</summary>
    public static void Write(string folder, string program = Program)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Pulumi.yaml"), PulumiYaml);
        File.WriteAllText(Path.Combine(folder, "Stamps.csproj"), ProjectFile);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        foreach (var mode in (string[])["ok", "mistakes", "throws", "hangs", "norun", "outputs"])
        {
            File.WriteAllText(Path.Combine(folder, $"Pulumi.{mode}.yaml"), StackYaml(mode));
        }
    }

    /// <summary>The 1-based line of <see cref="Program"/> tagged <c>// expect {code}</c>.</summary>
    public static int LineOf(string code) =>
        Array.FindIndex(Program.Split('\n'), l => l.TrimEnd().EndsWith($"// expect {code}", StringComparison.Ordinal)) + 1;
}
