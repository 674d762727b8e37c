namespace Provisioning.Engine;

/// <summary>What <see cref="ProjectInit.InitAsync"/> writes: the project and stack, the cloud, and with <see cref="FromAzure"/> where to read the fleet.</summary>
public sealed record InitOptions
{
    /// <summary>The project name (<c>Pulumi.yaml</c>'s <c>name</c>, the namespace of the stack file's keys).</summary>
    public required string Project { get; init; }

    /// <summary>The stack name (<c>Pulumi.&lt;stack&gt;.yaml</c>).</summary>
    public required string Stack { get; init; }

    /// <summary>
    /// The cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment, local, or an ARM endpoint. Null: the project file's
    /// default when it declares one, else AzureCloud (written out).
    /// </summary>
    public string? Cloud { get; init; }

    /// <summary>Replace a stack file that exists, and a <c>Pulumi.yaml</c> that cannot take the stack (another project, a C# program). Default false.</summary>
    public bool Force { get; init; }

    /// <summary>Write the registrations of <see cref="Subscriptions"/> and every mapping under them, and record those mappings in the state (an import).</summary>
    public bool FromAzure { get; init; }

    /// <summary>With <see cref="FromAzure"/>: the subscriptions whose registrations are read (at least one).</summary>
    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    /// <summary>With <see cref="FromAzure"/>: only the registrations of this resource group of each subscription (default: all).</summary>
    public string? ResourceGroup { get; init; }
}
