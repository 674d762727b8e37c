using Provisioning.Diagnostics;
using Provisioning.AzureStack;

namespace Provisioning.Config;

/// <summary>The <c>tenants</c> key of a stack file: each tenant with the registrations it is mapped on.</summary>
internal sealed partial class StackFileReader
{
    private static readonly string[] TenantFields = ["tenantId", "subscriptionId", "registrations", "protect", "retainOnDelete"];
    private static readonly string[] RequiredTenantFields = ["tenantId", "registrations"];
    private static readonly string[] MappingFields = ["registration", "subscriptionId"];
    private static readonly string[] RequiredMappingFields = ["registration"];

    private List<Tenant> ReadTenants(SourceEntry? entry, SourceSpan anchor, HashSet<string> declared, bool excused)
    {
        var result = new List<Tenant>();
        var mapping = ReadSection(entry, TenantsKey, anchor, excused, DiagnosticCatalog.NoTenants);
        if (mapping is null)
        {
            return result;
        }

        foreach (var item in mapping.Entries)
        {
            var key = item.Key.Value;
            var validKey = CheckKey(item.Key, "tenant");
            var owner = $"tenant '{key}'";
            var fields = checks.AsMapping(item.Value, owner);
            if (fields is null)
            {
                continue;
            }

            checks.CheckFields(fields, owner, TenantFields, RequiredTenantFields, item.Key.Span);
            var tenantId = fields.Find("tenantId") is { } id ? checks.AsGuid(id, owner) : null;
            var subscriptionEntry = fields.Find("subscriptionId");
            var subscriptionId = subscriptionEntry is null ? null : checks.AsGuid(subscriptionEntry, owner);
            var protect = fields.Find("protect") is { } p && checks.AsBool(p, owner) == true;
            var retainOnDelete = fields.Find("retainOnDelete") is { } r && checks.AsBool(r, owner) == true;
            var mappings = fields.Find("registrations") is { } list
                ? ReadMappings(list, key, owner, subscriptionId, subscriptionEntry is not null, declared)
                : [];
            if (validKey && tenantId is not null)
            {
                result.Add(new Tenant(key, tenantId, mappings, protect, retainOnDelete, item.Key.Span));
            }
        }

        return result;
    }

    private List<TenantMapping> ReadMappings(SourceEntry entry, string tenant, string owner, string? defaultSubscription, bool defaultGiven, HashSet<string> declared)
    {
        var result = new List<TenantMapping>();
        if (entry.Value is SourceScalar { IsNull: true })
        {
            checks.Report(DiagnosticCatalog.TenantWithoutRegistrations(entry.Key.Span, tenant));
            return result;
        }

        if (entry.Value is not SourceSequence list)
        {
            checks.Report(DiagnosticCatalog.WrongNodeType(entry.Value.Span, $"'registrations' of {owner}", "a list", entry.Value.Describe()));
            return result;
        }

        if (list.Items.Count == 0)
        {
            checks.Report(DiagnosticCatalog.TenantWithoutRegistrations(list.Span, tenant));
        }

        foreach (var item in list.Items)
        {
            var mapping = ReadMapping(item, tenant, owner, defaultSubscription, defaultGiven, declared);
            if (mapping is not null)
            {
                result.Add(mapping);
            }
        }

        return result;
    }

    private TenantMapping? ReadMapping(SourceNode item, string tenant, string owner, string? defaultSubscription, bool defaultGiven, HashSet<string> declared)
    {
        SourceScalar? registration;
        var subscription = defaultSubscription;
        var subscriptionGiven = defaultGiven;
        switch (item)
        {
            case SourceScalar { IsNull: false } scalar:
                registration = checks.IsStrict(scalar, "registrations") ? scalar : null;
                break;
            case SourceMapping fields:
                var itemOwner = $"a 'registrations' item of {owner}";
                checks.CheckFields(fields, itemOwner, MappingFields, RequiredMappingFields, fields.Span);
                registration = fields.Find("registration") is { } r ? checks.AsValue(r, itemOwner) : null;
                if (fields.Find("subscriptionId") is { } s)
                {
                    subscription = checks.AsGuid(s, itemOwner);
                    subscriptionGiven = true;
                }

                break;
            default:
                checks.Report(DiagnosticCatalog.WrongNodeType(item.Span, $"an item of 'registrations' of {owner}", "a registration key or a mapping with 'registration' and 'subscriptionId'", item.Describe()));
                return null;
        }

        if (registration is null)
        {
            return null;
        }

        if (!declared.Contains(registration.Value))
        {
            checks.Report(DiagnosticCatalog.UnknownRegistration(registration.Span, tenant, registration.Value, Suggestions.Closest(registration.Value, declared)));
            return null;
        }

        if (!subscriptionGiven)
        {
            checks.Report(DiagnosticCatalog.MissingField(item.Span, "subscriptionId", $"the mapping of tenant '{tenant}' to registration '{registration.Value}'"));
        }

        return subscription is null ? null : new TenantMapping(registration.Value, subscription, item.Span);
    }
}
