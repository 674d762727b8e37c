using System.Text;
using System.Text.RegularExpressions;
using Provisioning.AzureStack;

namespace Provisioning.Config;

/// <summary>
/// The text of the files <c>provision init</c> writes (<c>Pulumi.yaml</c>, a starter or a complete stack file) and of the
/// tenant entries <c>import --write</c> adds: one renderer, so both write the same shape. Every value goes through
/// <see cref="Scalar"/>, so a name YAML would read otherwise (<c>null</c>, <c>yes</c>, <c># x</c>) is quoted.
/// </summary>
public static partial class StackFileText
{
    /// <summary>A project file naming <paramref name="project"/>.</summary>
    public static string ProjectFile(string project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return $"""
            name: {Scalar(project)}
            runtime: provision   # Pulumi's field; provision ignores it
            description: Tenant registrations (customerSubscriptions) of our Azure Stack stamps, kept in a desired state by provision.

            """.ReplaceLineEndings("\n");
    }

    /// <summary>A stack file that declares nothing yet, with comments showing the shape of a registration and a tenant.</summary>
    public static string Starter(string project, string stack, string cloud)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(cloud);
        return $$"""
            # Stack '{{stack}}' of project '{{project}}', written by provision init. It declares nothing yet: add one entry per
            # stamp under registrations and one per customer tenant under tenants, then run provision preview --stack {{stack}}.
            # The shape of each (replace {} with entries like these):
            #
            #   {{project}}:registrations:
            #     west:
            #       subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438   # the registration's subscription
            #       resourceGroup: azurestack                              # default: azurestack
            #       name: azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450  # usually azurestack-<CloudId>
            #   {{project}}:tenants:
            #     contoso:
            #       tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8         # the customer's directory (Entra tenant)
            #       subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f   # the customer subscription usage is billed to
            #       registrations: [west]                                  # every stamp the tenant uses
            #
            # Or let provision init --from-azure --subscription <id> write the registrations and tenants Azure already holds.
            config:
              {{Scalar(project + ":cloud")}}: {{Scalar(cloud)}}
              {{Scalar(project + ":registrations")}}: {}
              {{Scalar(project + ":tenants")}}: {}

            """.ReplaceLineEndings("\n");
    }

    /// <summary>
    /// A complete stack file: <paramref name="header"/> as comment lines, the cloud, every registration and every tenant, in
    /// the order given (two-space indentation; a tenant's registrations as a flow list when all bill to its subscription).
    /// </summary>
    public static string Fleet(string project, string cloud, IReadOnlyList<Registration> registrations, IReadOnlyList<TenantEntry> tenants, IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(header);
        const string Step = "  ";
        const char Newline = '\n';
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.Append(line.Length == 0 ? "#" : "# " + line).Append(Newline);
        }

        text.Append("config:").Append(Newline);
        text.Append(Step).Append(Scalar(project + ":cloud")).Append(": ").Append(Scalar(cloud)).Append(Newline);
        text.Append(Step).Append(Scalar(project + ":registrations")).Append(':').Append(registrations.Count == 0 ? " {}" : string.Empty).Append(Newline);
        foreach (var r in registrations)
        {
            text.Append(Step).Append(Step).Append(Scalar(r.Key)).Append(':').Append(Newline);
            text.Append(Step).Append(Step).Append(Step).Append("subscriptionId: ").Append(Scalar(r.SubscriptionId)).Append(Newline);
            text.Append(Step).Append(Step).Append(Step).Append("resourceGroup: ").Append(Scalar(r.ResourceGroup)).Append(Newline);
            text.Append(Step).Append(Step).Append(Step).Append("name: ").Append(Scalar(r.Name)).Append(Newline);
        }

        text.Append(Step).Append(Scalar(project + ":tenants")).Append(':').Append(tenants.Count == 0 ? " {}" : string.Empty).Append(Newline);
        foreach (var tenant in tenants)
        {
            AppendTenant(text, tenant, Step + Step, Step, "\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// A value as a YAML scalar that reads back as exactly that text: plain when it is safe (letters, digits and
    /// <c>_ . - / : ( )</c>, not starting with punctuation YAML gives a meaning, not a word YAML reads as null or a boolean),
    /// else single-quoted.
    /// </summary>
    public static string Scalar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return PlainSafe().IsMatch(value) && !value.Contains(": ", StringComparison.Ordinal) && !value.EndsWith(':') && !ReadsAsOther(value)
            ? value
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Appends a tenant in block style: its key at <paramref name="indent"/>, its fields one <paramref name="step"/> deeper.</summary>
    internal static void AppendTenant(StringBuilder text, TenantEntry tenant, string indent, string step, string newline)
    {
        var fields = indent + step;
        text.Append(indent).Append(Scalar(tenant.Key)).Append(':').Append(newline);
        text.Append(fields).Append("tenantId: ").Append(Scalar(tenant.TenantId)).Append(newline);
        text.Append(fields).Append("subscriptionId: ").Append(Scalar(tenant.SubscriptionId)).Append(newline);
        if (tenant.Registrations.All(r => r.SubscriptionId is null))
        {
            text.Append(fields).Append("registrations: [").AppendJoin(", ", tenant.Registrations.Select(r => Scalar(r.RegistrationKey))).Append(']').Append(newline);
            return;
        }

        text.Append(fields).Append("registrations:").Append(newline);
        foreach (var r in tenant.Registrations)
        {
            AppendBlockItem(text, r, fields + step, newline);
        }
    }

    /// <summary>Appends one item of a block <c>registrations</c> list whose dash is at <paramref name="indent"/>.</summary>
    internal static void AppendBlockItem(StringBuilder text, TenantEntryRegistration registration, string indent, string newline)
    {
        if (registration.SubscriptionId is null)
        {
            text.Append(indent).Append("- ").Append(Scalar(registration.RegistrationKey)).Append(newline);
            return;
        }

        text.Append(indent).Append("- registration: ").Append(Scalar(registration.RegistrationKey)).Append(newline);
        text.Append(indent).Append("  subscriptionId: ").Append(Scalar(registration.SubscriptionId)).Append(newline);
    }

    /// <summary>A tenant's value in flow style: <c>{ tenantId: …, subscriptionId: …, registrations: [ … ] }</c>.</summary>
    internal static string FlowTenant(TenantEntry tenant) =>
        $"{{ tenantId: {Scalar(tenant.TenantId)}, subscriptionId: {Scalar(tenant.SubscriptionId)}, registrations: [{string.Join(", ", tenant.Registrations.Select(FlowItem))}] }}";

    /// <summary>One item of a flow <c>registrations</c> list: the key, or <c>{ registration: …, subscriptionId: … }</c>.</summary>
    internal static string FlowItem(TenantEntryRegistration registration) =>
        registration.SubscriptionId is null
            ? Scalar(registration.RegistrationKey)
            : $"{{ registration: {Scalar(registration.RegistrationKey)}, subscriptionId: {Scalar(registration.SubscriptionId)} }}";

    // YAML 1.1 and 1.2 words for null and booleans, and numbers: quoted so that no reader takes them for anything but text.
    private static bool ReadsAsOther(string value) =>
        value.ToLowerInvariant() is "null" or "~" or "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n"
        || double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_./:()-]*\z")]
    private static partial Regex PlainSafe();
}
