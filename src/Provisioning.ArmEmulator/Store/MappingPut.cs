namespace Provisioning.ArmEmulator;

/// <summary>The outcome of a customer subscription PUT.</summary>
/// <param name="Mapping">The mapping as now stored.</param>
/// <param name="Created">Whether the customer subscription did not exist before.</param>
/// <param name="Replaced">The other mapping of the same tenant that the PUT removed, or null.</param>
internal sealed record MappingPut(EmulatorMapping Mapping, bool Created, EmulatorMapping? Replaced);
