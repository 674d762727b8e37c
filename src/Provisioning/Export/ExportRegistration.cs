using Provisioning.AzureStack;

namespace Provisioning.Export;

/// <summary>One registration (stamp) with its identifier and its mappings, in declaration order.</summary>
public sealed record ExportRegistration(Registration Registration, string Identifier, IReadOnlyList<ExportMapping> Mappings);
