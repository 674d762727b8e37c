namespace Provisioning.Sdk;

/// <summary>The options of a <see cref="CustomResource"/>.</summary>
public sealed class CustomResourceOptions : ResourceOptions;
