namespace Provisioning.Model;

/// <summary>The desired state of one stack: its components and all their resources, in declaration order.</summary>
public sealed class ResourceGraph
{
    private readonly Dictionary<ArmResourceId, Resource> _byId = new(ArmResourceIdTextComparer.Instance);

    /// <summary>Builds a graph; ids must be unique (case-insensitively).</summary>
    public ResourceGraph(string project, string stack, IReadOnlyList<Component> components)
    {
        Project = project;
        Stack = stack;
        Components = components;

        // Sized once: a million resources would otherwise be rehashed a score of times, each copy garbage.
        _byId.EnsureCapacity(components.Sum(c => c.Children.Count));
        foreach (var resource in components.SelectMany(c => c.Children))
        {
            if (!_byId.TryAdd(resource.Id, resource))
            {
                throw new ArgumentException($"Two resources share the id '{resource.Id}'.", nameof(components));
            }
        }
    }

    /// <summary>The project name.</summary>
    public string Project { get; }

    /// <summary>The stack name.</summary>
    public string Stack { get; }

    /// <summary>The components in declaration order.</summary>
    public IReadOnlyList<Component> Components { get; }

    /// <summary>All resources, in declaration order.</summary>
    public IEnumerable<Resource> Resources => Components.SelectMany(c => c.Children);

    /// <summary>Number of resources.</summary>
    public int Count => _byId.Count;

    /// <summary>Finds a resource by id (case-insensitive).</summary>
    public Resource? Find(ArmResourceId id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds the resource whose id is exactly this text (ordinal, case included), without making a string of it.</summary>
    public bool TryFindExact(ReadOnlySpan<char> id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Resource? resource) =>
        _byId.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out resource);
}
