using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Provisioning.AzureStack;
using Provisioning.Execution;
using Provisioning.Model;

namespace Provisioning.Testing;

/// <summary>
/// A provider that keeps resources in memory and logs every call. It keeps the service's
/// overwrite rule: a PUT of a mapping for a tenant already mapped under the same registration
/// removes the old mapping.
/// </summary>
public sealed class InMemoryResourceProvider(IMocks? mocks = null) : IResourceProvider
{
    private readonly IMocks _mocks = mocks ?? EchoMocks.Instance;
    private readonly Dictionary<ArmResourceId, ObservedResource> _resources = [];
    private readonly List<ProviderCall> _calls = [];
    private readonly Lock _lock = new();

    /// <summary>Every call made so far, in order.</summary>
    public ImmutableArray<ProviderCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Every resource the provider holds.</summary>
    public ImmutableArray<ObservedResource> Resources
    {
        get
        {
            lock (_lock)
            {
                return [.. _resources.Values];
            }
        }
    }

    /// <summary>Puts a resource in place without logging a call (the world as it was before the test).</summary>
    public void Seed(ObservedResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_lock)
        {
            _resources[resource.Id] = resource;
        }
    }

    /// <inheritdoc />
    public async Task<ObservedResource> PutAsync(ArmResourceId id, string apiVersion, ImmutableSortedDictionary<string, string> properties, CancellationToken cancellationToken = default)
    {
        var parent = id.Parent;
        var resource = new Resource(
            Urn.Create("test", "test", id.ResourceType, id.Name),
            id,
            id.ResourceType,
            apiVersion,
            properties,
            null,
            ResourceOptions.None);
        lock (_lock)
        {
            _calls.Add(new ProviderCall("PUT", id, apiVersion, properties));
        }

        var observed = await _mocks.NewResourceAsync(resource, cancellationToken);
        lock (_lock)
        {
            if (parent is { } p && properties.TryGetValue(TenantRegistration.TenantIdProperty, out var tenant))
            {
                var replaced = _resources.Values
                    .Where(r => r.Id.Parent == p && !r.Id.Equals(id)
                        && r.Properties.TryGetValue(TenantRegistration.TenantIdProperty, out var t)
                        && string.Equals(t, tenant, StringComparison.OrdinalIgnoreCase))
                    .Select(r => r.Id)
                    .ToList();
                replaced.ForEach(r => _resources.Remove(r));
            }

            _resources.Remove(id);
            _resources[id] = observed;
        }

        return observed;
    }

    /// <inheritdoc />
    public Task DeleteAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _calls.Add(new ProviderCall("DELETE", id, apiVersion));
            _resources.Remove(id);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ObservedResource?> GetAsync(ArmResourceId id, string apiVersion, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _calls.Add(new ProviderCall("GET", id, apiVersion));
            return Task.FromResult(_resources.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ObservedResource> ListAsync(ArmResourceId parent, string childType, string apiVersion, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<ObservedResource> children;
        lock (_lock)
        {
            _calls.Add(new ProviderCall("LIST", parent, apiVersion));
            var prefix = $"{parent}/{childType}/";
            children = _resources.Values
                .Where(r => r.Id.ToString().StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && r.Id.Parent == parent)
                .OrderBy(r => r.Id.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        foreach (var child in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return child;
        }
    }
}
