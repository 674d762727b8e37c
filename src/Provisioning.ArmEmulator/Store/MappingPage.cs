namespace Provisioning.ArmEmulator;

/// <summary>One page of customer subscriptions and the key to continue after, null on the last page.</summary>
/// <param name="Items">The mappings of this page, in order.</param>
/// <param name="NextKey">The skip token for the next page, or null when this is the last page.</param>
internal sealed record MappingPage(IReadOnlyList<EmulatorMapping> Items, string? NextKey);
