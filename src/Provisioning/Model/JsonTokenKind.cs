using System.Text.Json;

namespace Provisioning.Model;

/// <summary>How a JSON token is named in error messages: the kind of value it starts (<c>Object</c>, <c>Array</c>, <c>String</c>…).</summary>
public static class JsonTokenKind
{
    /// <summary>The name of the value kind <paramref name="token"/> starts, as <see cref="JsonValueKind"/> names it.</summary>
    public static string Of(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => nameof(JsonValueKind.Object),
        JsonTokenType.StartArray => nameof(JsonValueKind.Array),
        JsonTokenType.String => nameof(JsonValueKind.String),
        JsonTokenType.Number => nameof(JsonValueKind.Number),
        JsonTokenType.True => nameof(JsonValueKind.True),
        JsonTokenType.False => nameof(JsonValueKind.False),
        JsonTokenType.Null => nameof(JsonValueKind.Null),
        _ => token.ToString(),
    };
}
