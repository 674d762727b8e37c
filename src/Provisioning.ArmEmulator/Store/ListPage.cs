namespace Provisioning.ArmEmulator;

/// <summary>One page of a list and the skip token to continue after, null on the last page.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in order.</param>
/// <param name="NextKey">The skip token for the next page, or null when this is the last page.</param>
internal sealed record ListPage<T>(IReadOnlyList<T> Items, string? NextKey);
