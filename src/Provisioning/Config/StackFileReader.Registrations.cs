using Provisioning.Diagnostics;
using Provisioning.AzureStack;

namespace Provisioning.Config;

/// <summary>The <c>registrations</c> key of a stack file: one entry per stamp.</summary>
internal sealed partial class StackFileReader
{
    /// <summary>The resource group used when a registration names none.</summary>
    internal const string DefaultResourceGroup = "azurestack";

    private static readonly string[] RegistrationFields = ["subscriptionId", "resourceGroup", "name"];
    private static readonly string[] RequiredRegistrationFields = ["subscriptionId", "name"];

    private List<Registration> ReadRegistrations(SourceEntry? entry, SourceSpan anchor, HashSet<string> declared, bool excused)
    {
        var result = new List<Registration>();
        var mapping = ReadSection(entry, RegistrationsKey, anchor, excused, DiagnosticCatalog.NoRegistrations);
        if (mapping is null)
        {
            return result;
        }

        foreach (var item in mapping.Entries)
        {
            var key = item.Key.Value;
            declared.Add(key);
            var validKey = CheckKey(item.Key, "registration");
            var owner = $"registration '{key}'";
            var fields = checks.AsMapping(item.Value, owner);
            if (fields is null)
            {
                continue;
            }

            checks.CheckFields(fields, owner, RegistrationFields, RequiredRegistrationFields, item.Key.Span);
            var subscriptionId = fields.Find("subscriptionId") is { } subscription ? checks.AsGuid(subscription, owner) : null;
            var resourceGroup = fields.Find("resourceGroup") is { } group
                ? ReadArmName(group, owner, ArmNameRules.CheckResourceGroup, DiagnosticCatalog.InvalidResourceGroup)
                : DefaultResourceGroup;
            var name = fields.Find("name") is { } named
                ? ReadArmName(named, owner, ArmNameRules.CheckResourceName, DiagnosticCatalog.InvalidRegistrationName)
                : null;
            if (validKey && subscriptionId is not null && resourceGroup is not null && name is not null)
            {
                result.Add(new Registration(key, subscriptionId, resourceGroup, name, item.Key.Span));
            }
        }

        return result;
    }

    private string? ReadArmName(SourceEntry entry, string owner, Func<string, string?> rule, Func<SourceSpan, string, string, Diagnostic> problem)
    {
        var value = checks.AsValue(entry, owner);
        if (value is null)
        {
            return null;
        }

        var reason = rule(value.Value);
        if (reason is not null)
        {
            checks.Report(problem(value.Span, value.Value, reason));
            return null;
        }

        return value.Value;
    }

    private bool CheckKey(SourceScalar key, string kind)
    {
        if (Names.IsValid(key.Value))
        {
            return true;
        }

        checks.Report(DiagnosticCatalog.InvalidKeyName(key.Span, kind, key.Value));
        return false;
    }
}
