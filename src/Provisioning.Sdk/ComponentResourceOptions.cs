namespace Provisioning.Sdk;

/// <summary>The options of a <see cref="ComponentResource"/>; <see cref="ResourceOptions.Protect"/> and <see cref="ResourceOptions.RetainOnDelete"/> pass to its children.</summary>
public sealed class ComponentResourceOptions : ResourceOptions;
