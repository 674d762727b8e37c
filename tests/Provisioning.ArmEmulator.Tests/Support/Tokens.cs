using System.Buffers.Text;
using System.Text;

namespace Provisioning.ArmEmulator.Tests;

/// <summary>Unsigned JWT-shaped bearer tokens: the emulator reads their subject without validating them.</summary>
public static class Tokens
{
    public static string Jwt(string oid, string? upn = null)
    {
        var upnMember = upn is null ? string.Empty : $",\"upn\":\"{upn}\"";
        return $"Bearer {Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode($$"""{"oid":"{{oid}}","sub":"subject-{{oid}}"{{upnMember}}}""")}.c2ln";
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
