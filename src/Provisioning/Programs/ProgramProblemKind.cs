using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.Programs;

/// <summary>What kind of problem a program met; written as camelCase text (<c>configMissing</c>…).</summary>
[JsonConverter(typeof(ProgramProblemKindJsonConverter))]
public enum ProgramProblemKind
{
    /// <summary>A required config value is missing (<see cref="ProgramProblem.Key"/> names it).</summary>
    ConfigMissing,

    /// <summary>A config value cannot be read as the program asked (not a number, not a boolean, not the object's shape).</summary>
    ConfigInvalid,

    /// <summary>The program threw an exception.</summary>
    Exception,

    /// <summary>A stack output cannot be turned into JSON (<see cref="ProgramProblem.Key"/> names it).</summary>
    Output,
}

/// <summary>Reads and writes <see cref="ProgramProblemKind"/> as camelCase text only: a number is refused.</summary>
internal sealed class ProgramProblemKindJsonConverter() : JsonStringEnumConverter<ProgramProblemKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
