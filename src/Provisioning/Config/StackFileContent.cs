using Provisioning.AzureStack;

namespace Provisioning.Config;

/// <summary>What was read from a stack file: the cloud and every entry that passed its own checks.</summary>
internal sealed record StackFileContent(CloudSpec Cloud, IReadOnlyList<Registration> Registrations, IReadOnlyList<Tenant> Tenants);
