namespace Provisioning.ArmEmulator;

/// <summary>The answer about a nested resource: whether its parent registration exists, and the value found.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="ParentFound">Whether the parent registration exists.</param>
/// <param name="Value">The value, meaningful only when the parent exists.</param>
internal readonly record struct ChildLookup<T>(bool ParentFound, T? Value);
