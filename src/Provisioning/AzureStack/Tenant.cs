using Provisioning.Diagnostics;

namespace Provisioning.AzureStack;

/// <summary>
/// A customer tenant as declared in the stack file: its directory id and the registrations
/// (stamps) it uses, each with the customer subscription its usage is billed to.
/// </summary>
public sealed record Tenant(
    string Key,
    string TenantId,
    IReadOnlyList<TenantMapping> Mappings,
    bool Protect,
    bool RetainOnDelete,
    SourceSpan Span = default);
