using System.Collections.Immutable;
using Provisioning.Model;

namespace Provisioning.Testing;

/// <summary>One call the engine made to the provider: the method, the resource id, the api-version and the PUT properties.</summary>
public sealed record ProviderCall(string Method, ArmResourceId Id, string ApiVersion, ImmutableSortedDictionary<string, string>? Properties = null);
