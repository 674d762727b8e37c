using Provisioning.Programs;
using ModelUrn = Provisioning.Model.Urn;

namespace Provisioning.Sdk;

/// <summary>
/// A resource the program declares: registered with the running deployment when constructed, named by a URN
/// <c>urn:pulumi:{stack}::{project}::{parentType$}{type}::{name}</c>.
/// </summary>
public abstract class Resource
{
    private readonly Dictionary<string, string> _inputs;
    private readonly ResourceOptions? _options;
    private readonly ProgramSource? _source;

    private protected Resource(string type, string name, bool custom, IEnumerable<KeyValuePair<string, string?>> inputs, ResourceOptions? options, string callerFile, int callerLine)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        var deployment = DeploymentContext.Require("A resource");
        Type = type;
        Name = name;
        IsCustom = custom;
        Parent = options?.Parent;
        _options = options;
        _inputs = inputs.Where(i => i.Value is not null).ToDictionary(i => i.Key, i => i.Value!, StringComparer.Ordinal);
        _source = callerLine > 0 && !string.IsNullOrEmpty(callerFile) ? new ProgramSource(callerFile, callerLine) : null;
        ModelUrn = ModelUrn.Create(deployment.Settings.Stack, deployment.Settings.Project, type, name, Parent?.ModelUrn);
        deployment.Register(this);
    }

    /// <summary>The resource's URN, unique in the stack.</summary>
    public string Urn => ModelUrn.Value;

    /// <summary>The resource's id in the cloud: the ARM id of a custom resource when its inputs make one, null for a component.</summary>
    public string? Id { get; private protected set; }

    /// <summary>The type token (e.g. <c>azure-native:azurestack:CustomerSubscription</c>).</summary>
    public string Type { get; }

    /// <summary>The logical name the program gave the resource.</summary>
    public string Name { get; }

    /// <summary>The parent resource, or null at the top level.</summary>
    public Resource? Parent { get; }

    /// <summary>True when delete and destroy refuse the resource (its own option, else its parent's).</summary>
    public bool Protect => _options?.Protect ?? Parent?.Protect ?? false;

    /// <summary>True when removing the resource only forgets it (its own option, else its parent's).</summary>
    public bool RetainOnDelete => _options?.RetainOnDelete ?? Parent?.RetainOnDelete ?? false;

    /// <summary>The inputs the resource was declared with, by name; an input left null is absent.</summary>
    public IReadOnlyDictionary<string, string> Inputs => _inputs;

    internal bool IsCustom { get; }

    internal ModelUrn ModelUrn { get; }

    /// <summary>The URN.</summary>
    public override string ToString() => Urn;

    internal ProgramResource ToMessage() => new(
        Urn,
        Type,
        Name,
        IsCustom,
        Parent?.Urn,
        _inputs,
        new ProgramResourceOptions(
            Protect,
            RetainOnDelete,
            [.. _options?.IgnoreChanges.Where(i => i is not null) ?? []],
            [.. _options?.DependsOn.Where(d => d is not null).Select(d => d.Urn) ?? []]),
        _source);
}
