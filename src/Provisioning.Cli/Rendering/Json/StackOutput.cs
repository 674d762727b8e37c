using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.Cli.Rendering.Json;

/// <summary>
/// One stack output of a C# program (format 1.2): its JSON value, or for a secret <c>secret: true</c> and no value
/// (the clear text never leaves the program).
/// </summary>
internal sealed record StackOutput(
    bool Secret,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Value);
