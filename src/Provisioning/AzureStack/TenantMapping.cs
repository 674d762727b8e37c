using Provisioning.Diagnostics;

namespace Provisioning.AzureStack;

/// <summary>One tenant on one registration, billed to one customer subscription.</summary>
public sealed record TenantMapping(string RegistrationKey, string CustomerSubscriptionId, SourceSpan Span = default);
