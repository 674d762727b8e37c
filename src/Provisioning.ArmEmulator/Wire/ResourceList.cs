namespace Provisioning.ArmEmulator;

/// <summary>An ARM list page: <c>{"value":[...],"nextLink":"..."}</c>, nextLink left out on the last page.</summary>
/// <typeparam name="T">The resource JSON type.</typeparam>
/// <param name="Value">The resources of this page.</param>
/// <param name="NextLink">The absolute URL of the next page, or null on the last page.</param>
internal sealed record ResourceList<T>(IReadOnlyList<T> Value, string? NextLink = null);
