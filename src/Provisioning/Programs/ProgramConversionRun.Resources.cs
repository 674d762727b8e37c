using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Model;

namespace Provisioning.Programs;

/// <summary>TenantRegistration components become registrations; CustomerSubscription resources become tenants' mappings.</summary>
internal sealed partial class ProgramConversionRun
{
    private static readonly StringComparer Arm = StringComparer.OrdinalIgnoreCase;

    private readonly HashSet<string> _renamedRegistrations = new(StringComparer.Ordinal);

    /// <summary>One CustomerSubscription, read: the tenant it belongs to (by name and values) and the mapping.</summary>
    private sealed record MappingEntry(string TenantKey, string TenantId, bool Protect, bool RetainOnDelete, TenantMapping Mapping);

    private void ReadRegistration(ProgramResource resource)
    {
        var span = SpanOf(resource.Source);
        var key = resource.Name;
        var owner = $"TenantRegistration '{Shown(key)}'";
        var valid = true;
        if (!Names.IsValid(key))
        {
            _diagnostics.Add(DiagnosticCatalog.InvalidKeyName(span, "registration", Shown(key)));
            valid = false;
        }

        var subscription = Guid(resource, ProgramInputNames.SubscriptionId, $"SubscriptionId of {owner}", span);
        var group = ArmName(resource, ProgramInputNames.ResourceGroup, span, ArmNameRules.CheckResourceGroup, DiagnosticCatalog.InvalidResourceGroup);
        var name = ArmName(resource, ProgramInputNames.RegistrationName, span, ArmNameRules.CheckResourceName, DiagnosticCatalog.InvalidRegistrationName);
        var registration = valid && subscription is not null && group is not null && name is not null
            ? new Registration(key, subscription, group, name, span)
            : null;
        _registrationsByUrn[resource.Urn] = registration;
        if (registration is not null)
        {
            _registrations.Add(registration);
            var engineUrn = Urn.Create(options.Stack, options.Project, TenantRegistration.ComponentType, key);
            if (engineUrn.Value != resource.Urn)
            {
                // One warning for the component stands for its children, whose URNs differ for the same reason.
                _renamedRegistrations.Add(resource.Urn);
                _diagnostics.Add(DiagnosticCatalog.ProgramUrnDiffers(span, resource.Urn, engineUrn.Value, "the engine's model has no component above a TenantRegistration (nor above its mappings); its state keeps the engine's URNs."));
            }
        }
    }

    private MappingEntry? ReadMapping(ProgramResource resource)
    {
        var span = SpanOf(resource.Source);
        Registration? registration = null;
        var known = true;
        if (resource.Parent is { } parentUrn)
        {
            if (!_byUrn.TryGetValue(parentUrn, out var parent))
            {
                known = false; // reported by CheckReferences
            }
            else if (parent.Type != TenantRegistration.ComponentType)
            {
                _diagnostics.Add(DiagnosticCatalog.ProgramParentNotRegistration(span, resource.Name, parent.Type));
                known = false;
            }
            else
            {
                registration = _registrationsByUrn.GetValueOrDefault(parentUrn);
                known = registration is not null && SameRegistration(resource, registration, parent.Name, span);
            }
        }
        else
        {
            registration = StandaloneRegistration(resource, span);
            known = registration is not null;
        }

        var tenantId = Guid(resource, ProgramInputNames.TenantId, $"TenantId of CustomerSubscription '{Shown(resource.Name)}'", span);
        var customerSubscription = Guid(resource, ProgramInputNames.CustomerSubscriptionName, $"CustomerSubscriptionName of CustomerSubscription '{Shown(resource.Name)}'", span);
        if (!known || registration is null)
        {
            return null;
        }

        // The engine names a mapping '{registration}-{tenant}': the tenant is what follows the registration's key.
        var prefix = registration.Key + "-";
        var tenantKey = resource.Name.StartsWith(prefix, StringComparison.Ordinal) ? resource.Name[prefix.Length..] : resource.Name;
        if (!Names.IsValid(tenantKey))
        {
            _diagnostics.Add(DiagnosticCatalog.InvalidKeyName(span, "tenant", Shown(tenantKey)));
            return null;
        }

        WarnWhenUrnDiffers(resource, registration.Key, tenantKey, span);
        return tenantId is null || customerSubscription is null
            ? null
            : new MappingEntry(tenantKey, tenantId, resource.Options.Protect, resource.Options.RetainOnDelete, new TenantMapping(registration.Key, customerSubscription, span));
    }

    private void WarnWhenUrnDiffers(ProgramResource resource, string registrationKey, string tenantKey, SourceSpan span)
    {
        var componentUrn = Urn.Create(options.Stack, options.Project, TenantRegistration.ComponentType, registrationKey);
        var engineUrn = Urn.Create(options.Stack, options.Project, TenantRegistration.CustomerSubscriptionType, $"{registrationKey}-{tenantKey}", componentUrn);
        if (engineUrn.Value == resource.Urn || (resource.Parent is { } parent && _renamedRegistrations.Contains(parent)))
        {
            return;
        }

        var why = resource.Parent is null
            ? $"the engine's model keeps a CustomerSubscription only under a TenantRegistration (here '{registrationKey}'); its state keeps the engine's URN."
            : $"the engine names a mapping '{{registration}}-{{tenant}}'; its state keeps the engine's URN.";
        _diagnostics.Add(DiagnosticCatalog.ProgramUrnDiffers(span, resource.Urn, engineUrn.Value, why));
    }

    /// <summary>True when the registration inputs a child repeats (all optional under a parent) agree with its parent's.</summary>
    private bool SameRegistration(ProgramResource resource, Registration registration, string parentName, SourceSpan span)
    {
        var same = true;
        foreach (var (input, expected) in new[]
        {
            (ProgramInputNames.SubscriptionId, registration.SubscriptionId),
            (ProgramInputNames.ResourceGroup, registration.ResourceGroup),
            (ProgramInputNames.RegistrationName, registration.Name),
        })
        {
            if (resource.Inputs.TryGetValue(input, out var value) && !Arm.Equals(value, expected))
            {
                _diagnostics.Add(DiagnosticCatalog.ProgramRegistrationMismatch(span, resource.Name, input, value, parentName, expected));
                same = false;
            }
        }

        return same;
    }

    /// <summary>
    /// The registration of a CustomerSubscription without a parent: the declared TenantRegistration with the same ARM
    /// registration, or one made for it (keyed by the registration's ARM name) when the program declares none.
    /// </summary>
    private Registration? StandaloneRegistration(ProgramResource resource, SourceSpan span)
    {
        var owner = $"CustomerSubscription '{Shown(resource.Name)}'";
        var subscription = Guid(resource, ProgramInputNames.SubscriptionId, $"SubscriptionId of {owner}", span);
        var group = ArmName(resource, ProgramInputNames.ResourceGroup, span, ArmNameRules.CheckResourceGroup, DiagnosticCatalog.InvalidResourceGroup);
        var name = ArmName(resource, ProgramInputNames.RegistrationName, span, ArmNameRules.CheckResourceName, DiagnosticCatalog.InvalidRegistrationName);
        if (subscription is null || group is null || name is null)
        {
            return null;
        }

        var declared = _registrations.FirstOrDefault(r => Arm.Equals(r.SubscriptionId, subscription) && Arm.Equals(r.ResourceGroup, group) && Arm.Equals(r.Name, name));
        if (declared is not null)
        {
            return declared;
        }

        var key = Names.IsValid(name) ? name : "registration";
        for (var n = 2; _registrations.Any(r => r.Key == key); n++)
        {
            key = $"{(Names.IsValid(name) ? name : "registration")}-{n}";
        }

        var made = new Registration(key, subscription, group, name, span);
        _registrations.Add(made);
        return made;
    }

    /// <summary>One tenant per name, directory id and options, in the order the program first declared them, with all its mappings.</summary>
    private static List<Tenant> GroupTenants(List<MappingEntry> mappings) =>
        [.. mappings
            .GroupBy(m => (m.TenantKey, m.TenantId, m.Protect, m.RetainOnDelete))
            .Select(g => new Tenant(g.Key.TenantKey, g.Key.TenantId, [.. g.Select(m => m.Mapping)], g.Key.Protect, g.Key.RetainOnDelete, g.First().Mapping.Span))];

    private string? Guid(ProgramResource resource, string input, string field, SourceSpan span)
    {
        if (!resource.Inputs.TryGetValue(input, out var value))
        {
            _diagnostics.Add(DiagnosticCatalog.ProgramInputMissing(span, resource.Name, input));
            return null;
        }

        if (!Names.IsGuid(value))
        {
            _diagnostics.Add(DiagnosticCatalog.NotAGuid(span, field, Shown(value)));
            return null;
        }

        return value;
    }

    private string? ArmName(ProgramResource resource, string input, SourceSpan span, Func<string, string?> rule, Func<SourceSpan, string, string, Diagnostic> problem)
    {
        if (!resource.Inputs.TryGetValue(input, out var value))
        {
            _diagnostics.Add(DiagnosticCatalog.ProgramInputMissing(span, resource.Name, input));
            return null;
        }

        // ARM would keep the spaces a CSV or a config file left around a name: refuse them, never trim them.
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            _diagnostics.Add(DiagnosticCatalog.ProgramInputWhitespace(span, resource.Name, input, Shown(value)));
            return null;
        }

        if (rule(value) is { } reason)
        {
            _diagnostics.Add(problem(span, Shown(value), reason));
            return null;
        }

        return value;
    }
}
