using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.Execution;

/// <summary>
/// Reads and writes resources. Implemented by the ARM client (Provisioning.Azure) and by the
/// in-memory provider of Provisioning.Testing. PUT and DELETE are idempotent.
/// </summary>
public interface IResourceProvider
{
    /// <summary>Creates or overwrites a resource with the given <c>properties</c> and returns what the provider holds.</summary>
    Task<ObservedResource> PutAsync(ArmResourceId id, string apiVersion, ImmutableSortedDictionary<string, string> properties, CancellationToken cancellationToken = default);

    /// <summary>Deletes a resource; deleting one that is already gone succeeds.</summary>
    Task DeleteAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default);

    /// <summary>Reads one resource, or null when it does not exist.</summary>
    Task<ObservedResource?> GetAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default);

    /// <summary>Lists every child of <paramref name="parent"/> of the given child type segment (e.g. <c>customerSubscriptions</c>), following all pages.</summary>
    IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists as <see cref="ListAsync(ArmResourceId, string, string, CancellationToken)"/>, taking ids and values that equal ones
    /// already in <paramref name="interner"/> from it instead of allocating copies. A provider that cannot share lists as that overload.
    /// </summary>
    IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, Interner? interner, CancellationToken cancellationToken = default) =>
        ListAsync(parent, childType, apiVersion, cancellationToken);
}
