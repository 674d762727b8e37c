using System.Text.Json;

namespace Provisioning.Programs;

/// <summary>One stack output. A secret output carries no value: its clear text never leaves the program.</summary>
/// <param name="Name">The output's name.</param>
/// <param name="Secret">True when the value is (or holds) a secret.</param>
/// <param name="Value">The value as JSON; null for a secret, or for an output whose value is null.</param>
public sealed record ProgramOutput(string Name, bool Secret, JsonElement? Value = null);
