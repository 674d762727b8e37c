using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// The mistakes, one partial file per kind (a bullet of issue 11's "Why"); a case's name is "kind/what".
/// See MistakeRunner.cs for how to add one.
/// </summary>
internal static partial class Catalogue
{
    public const string Project = "tenant-registrations";
    public const string MappingType = "Microsoft.AzureStack/registrations/customerSubscriptions";

    /// <summary>The kinds, each of which must hold several cases.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["deletes", "mass-delete", "values", "overwrite", "crashes", "files", "state-format", "flags", "environment", "client", "lost-track"];

    // Lazy: the kinds' static tables live in the other partial files, whose initialisation order is not this file's.
    private static readonly Lazy<IReadOnlyList<Mistake>> Cases = new(() =>
    [
        .. Deletes(), .. MassDelete(), .. Values(), .. Overwrite(), .. Crashes(), .. Files(), .. StateFormat(), .. Flags(), .. EnvironmentMistakes(), .. Client(), .. LostTrack(),
    ]);

    public static IReadOnlyList<Mistake> All => Cases.Value;

    private static string[] Up(string stack = "local") => ["up", "--stack", stack, "--yes"];

    private static string[] Preview(string stack = "local") => ["preview", "--stack", stack];

    private static string[] Destroy(string stack = "local") => ["destroy", "--stack", stack, "--yes"];

    private static string[] Args(params string[] args) => args;

    /// <summary>A mapping of this project's stack <paramref name="stack"/> at an arbitrary id (a state entry a person or a tool could write).</summary>
    private static ResourceState Entry(string id, string name, string type = MappingType, string stack = "local") => new(
        Urn.Create(stack, Project, "azure-native:azurestack:CustomerSubscription", name),
        ArmResourceId.Parse(id),
        type,
        "2017-06-01",
        Resource.PropertiesOf(("tenantId", "3c1b0f6e-7a52-4a57-9d0e-1e2f3a4b5c6d")),
        null,
        ResourceOptions.None);

    private static string Mapping(string registration, string subscription, string group = "azurestack", string registrationSubscription = MistakeStacks.RegistrationSubscription) =>
        $"/subscriptions/{registrationSubscription}/resourceGroups/{group}/providers/Microsoft.AzureStack/registrations/{registration}/customerSubscriptions/{subscription}";
}
