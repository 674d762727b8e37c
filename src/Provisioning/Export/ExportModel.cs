using Provisioning.Config;

namespace Provisioning.Export;

/// <summary>
/// What every exporter reads: the stack's registrations with their mappings, each mapping being the
/// very resource the engine would PUT, named by a stable readable identifier, and the cloud they live in.
/// </summary>
public sealed record ExportModel(string Project, string Stack, ExportCloud Cloud, IReadOnlyList<ExportRegistration> Registrations)
{
    /// <summary>All mappings, registration by registration, in declaration order.</summary>
    public IEnumerable<ExportMapping> Mappings => Registrations.SelectMany(r => r.Mappings);

    /// <summary>
    /// Builds the model from a stack. Identifiers: registrations take their key first (<c>west</c>), then
    /// mappings take <c>{registration}_{tenant}</c> (<c>west_contoso</c>); a clash gets <c>_2</c>, <c>_3</c>… in that order.
    /// </summary>
    public static ExportModel From(StackDefinition stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var graph = stack.Expand();
        var names = new NameAllocator();
        var registrationNames = stack.Registrations.Select(r => names.Allocate(ExportNames.Identifier(r.Key))).ToList();
        var registrations = new List<ExportRegistration>(stack.Registrations.Count);
        for (var i = 0; i < stack.Registrations.Count; i++)
        {
            var registration = stack.Registrations[i];

            // The same walk as TenantRegistration.Expand, so tenant keys line up with its children.
            var tenantKeys = stack.Tenants
                .SelectMany(t => t.Mappings.Where(m => m.RegistrationKey == registration.Key).Select(_ => t.Key))
                .ToList();
            var children = graph.Components[i].Children;
            var mappings = children
                .Select((resource, j) => new ExportMapping(names.Allocate(ExportNames.Identifier(registration.Key, tenantKeys[j])), tenantKeys[j], resource))
                .ToList();
            registrations.Add(new ExportRegistration(registration, registrationNames[i], mappings));
        }

        return new ExportModel(stack.Project, stack.Stack, ExportCloud.From(stack.Cloud), registrations);
    }
}
