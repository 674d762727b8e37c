using System.Globalization;
using System.Text;

namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>
/// Generates the bad-input corpus (tests/corpus/NNN-name/Pulumi.local.yaml + expected.txt): mutations of
/// <see cref="Valid"/>, each with the diagnostic code it is meant to provoke. Run with UPDATE_CORPUS=1.
/// </summary>
internal static class CorpusGenerator
{
    public const string Valid = """
        config:
          tenant-registrations:cloud: local
          tenant-registrations:registrations:
            west:
              subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438
              resourceGroup: azurestack
              name: azurestack-west
            east:
              subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438
              resourceGroup: azurestack
              name: azurestack-east
          tenant-registrations:tenants:
            contoso:
              tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8
              subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f
              registrations: [west, east]
              protect: false
            fabrikam:
              tenantId: 90c192cf-d3ac-44af-8f21-ddb66cad4a26
              subscriptionId: a170b338-3926-4059-b28c-105d1fb17c23
              registrations:
                - west

        """;

    /// <summary>Every case: a name, the stack file's bytes, and the code it must provoke.</summary>
    public static IEnumerable<(string Name, byte[] Content, string Intended)> Cases()
    {
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s.ReplaceLineEndings("\n"));
        string V = Valid.ReplaceLineEndings("\n");
        var lines = V.Split('\n');

        // YAML syntax errors at every line: an unclosed flow sequence, an unterminated quote, a stray indentation.
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            var unclosed = lines[i].TrimStart().StartsWith('-') ? lines[i][..(lines[i].IndexOf('-', StringComparison.Ordinal) + 1)] + " [x, y"
                : colon < 0 ? lines[i] + " [x, y"
                : lines[i][..(colon + 1)] + " [x, y";
            yield return ($"yaml-unclosed-flow-line{i + 1}", U(Replace(lines, i, unclosed)), "PRV005");
            yield return ($"yaml-unterminated-quote-line{i + 1}", U(Replace(lines, i, lines[i].Replace(": ", ": \"", StringComparison.Ordinal).Replace("- ", "- \"", StringComparison.Ordinal) + (lines[i].Contains(": ", StringComparison.Ordinal) || lines[i].Contains("- ", StringComparison.Ordinal) ? string.Empty : " \"x"))), "PRV005");
        }

        foreach (var (name, text) in new[]
        {
            ("tab-indent", V.Replace("    west:", "\twest:", StringComparison.Ordinal)),
            ("bad-dedent", V.Replace("      resourceGroup: azurestack\n      name: azurestack-west", "      resourceGroup: azurestack\n     name: azurestack-west", StringComparison.Ordinal)),
            ("unclosed-map", V.Replace("[west, east]", "{west, east", StringComparison.Ordinal)),
            ("anchor-undefined", V.Replace("protect: false", "protect: *nowhere", StringComparison.Ordinal)),
            ("directive-garbage", "%YAML 9.9\n---\n" + V),
        })
        {
            yield return ($"yaml-{name}", U(text), "PRV005");
        }

        // Two documents.
        yield return ("yaml-two-documents", U(V + "---\nconfig: {}\n"), "PRV034");

        // Wrong types: each field replaced by a list and by a mapping.
        string[] fields = ["subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438", "resourceGroup: azurestack", "name: azurestack-west", "tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8", "subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f", "registrations: [west, east]", "tenant-registrations:cloud: local"];
        foreach (var field in fields)
        {
            var key = field[..field.LastIndexOf(':')];
            var slug = key.Replace("tenant-registrations:", string.Empty, StringComparison.Ordinal);
            if (slug != "registrations")
            {
                yield return ($"type-{slug}-as-list-{Hash(field)}", U(ReplaceFirst(V, field, key + ": [a, b]")), "PRV007");
            }

            yield return ($"type-{slug}-as-map-{Hash(field)}", U(ReplaceFirst(V, field, key + ": {a: b}")), "PRV007");
        }

        yield return ("type-registrations-section-as-scalar", U(V.Replace("  tenant-registrations:registrations:\n", "  tenant-registrations:registrations: nope\n  x-ignored:\n", StringComparison.Ordinal)), "PRV007");
        yield return ("type-config-as-list", U("config:\n  - a\n  - b\n"), "PRV007");
        yield return ("type-root-as-scalar", U("just a string\n"), "PRV007");
        yield return ("type-tenant-as-scalar", U(V.Replace("    fabrikam:\n      tenantId: 90c192cf-d3ac-44af-8f21-ddb66cad4a26\n      subscriptionId: a170b338-3926-4059-b28c-105d1fb17c23\n      registrations:\n        - west\n", "    fabrikam: 42\n", StringComparison.Ordinal)), "PRV007");

        // Duplicate keys at every level.
        foreach (var (slug, line, indent) in new[]
        {
            ("cloud", "  tenant-registrations:cloud: local", string.Empty),
            ("subscriptionId", "      subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438", string.Empty),
            ("resourceGroup", "      resourceGroup: azurestack", string.Empty),
            ("name", "      name: azurestack-west", string.Empty),
            ("tenantId", "      tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8", string.Empty),
            ("protect", "      protect: false", string.Empty),
            ("tenant-subscription", "      subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f", string.Empty),
        })
        {
            yield return ($"duplicate-key-{slug}", U(ReplaceFirst(V, line, line + "\n" + indent + line)), "PRV006");
        }

        yield return ("duplicate-registration-key", U(ReplaceFirst(V, "    east:\n", "    west:\n")), "PRV006");
        yield return ("duplicate-tenant-key", U(ReplaceFirst(V, "    fabrikam:\n", "    contoso:\n")), "PRV006");
        yield return ("duplicate-config", U(V + "config: {}\n"), "PRV006");

        // Bad GUIDs in every GUID field.
        string[] badGuids = ["not-a-guid", "6513270e-269e-4d37-b2a7-4de452e6b43", "6513270e269e4d37b2a74de452e6b438x", "{6513270e-269e-4d37-b2a7-4de452e6b438", "0", "''", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "6513270e-269e-4d37-b2a7-4de452e6b438-00", "\"6513270e 269e 4d37 b2a7 4de452e6b438\"", "00000000-0000-0000-0000-00000000000g"];
        string[] guidFields = ["subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438", "tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8", "subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f", "tenantId: 90c192cf-d3ac-44af-8f21-ddb66cad4a26"];
        foreach (var field in guidFields)
        {
            for (var b = 0; b < badGuids.Length; b++)
            {
                var key = field[..field.IndexOf(':')];
                var code = b == 3 ? "PRV005" : "PRV016";
                yield return ($"guid-{key}-{Hash(field)}-{b}", U(ReplaceFirst(V, field, $"{key}: {badGuids[b]}")), code);
            }
        }

        // Unknown references, with and without a close name.
        foreach (var missing in new[] { "wset", "eats", "north", "West", "we", "westt", "south", "x", "east2", "wes" })
        {
            yield return ($"unknown-reference-{missing}", U(V.Replace("[west, east]", $"[west, {missing}]", StringComparison.Ordinal)), "PRV025");
        }

        // The overwrite trap: one tenant id, two customer subscriptions, on a registration both list.
        string[] other = ["0fd630f1-f29d-4da9-953f-48f1a09f76b5", "92276658-1e27-41c0-8a6a-63ec24ede6a4", "923a7369-94e3-4f91-9a61-dbe22e44158b", "8e81973e-0bec-47b0-b898-d190f9ebdacc", "11111111-2222-4333-8444-555555555555"];
        foreach (var sub in other)
        {
            foreach (var regs in new[] { "[west]", "[east, west]" })
            {
                var trap = $"    contoso-second:\n      tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8\n      subscriptionId: {sub}\n      registrations: {regs}\n";
                yield return ($"overwrite-trap-{sub[..8]}-{(regs.Length > 6 ? "two" : "one")}", U(V + trap), "PRV027");
            }
        }

        // One subscription claimed by two tenants; the same mapping twice; a registration listed twice.
        yield return ("subscription-two-tenants", U(V.Replace("a170b338-3926-4059-b28c-105d1fb17c23", "8d116ece-1738-47d9-bd9c-172411e20b8f", StringComparison.Ordinal)), "PRV028");
        yield return ("registration-listed-twice", U(V.Replace("[west, east]", "[west, west]", StringComparison.Ordinal)), "PRV026");
        yield return ("two-keys-same-registration", U(V.Replace("name: azurestack-east", "name: azurestack-west", StringComparison.Ordinal)), "PRV030");

        // Unknown fields, booleans, names, clouds.
        foreach (var typo in new[] { "tenantID", "subscriptionid", "registration", "protected", "retain" })
        {
            yield return ($"unknown-tenant-field-{typo}", U(ReplaceFirst(V, "      protect: false\n", $"      protect: false\n      {typo}: x\n")), "PRV009");
        }

        foreach (var typo in new[] { "subscription", "resourcegroup", "Name", "location" })
        {
            yield return ($"unknown-registration-field-{typo}", U(ReplaceFirst(V, "      name: azurestack-west\n", $"      name: azurestack-west\n      {typo}: x\n")), "PRV009");
        }

        foreach (var value in new[] { "maybe", "yes please", "2", "[true]", "nope" })
        {
            yield return ($"bool-protect-{Hash(value)}", U(V.Replace("protect: false", $"protect: {value}", StringComparison.Ordinal)), value.StartsWith('[') ? "PRV007" : "PRV021");
        }

        foreach (var rg in new[] { "azure/stack", "a/b/c", "a<b", "a%b", "x?y", "azure stack", "a*b", "rg.", "a#b", "a+b" })
        {
            yield return ($"resource-group-{Hash(rg)}", U(ReplaceFirst(V, "resourceGroup: azurestack", $"resourceGroup: \"{rg}\"")), "PRV023");
        }

        foreach (var reg in new[] { "azure/stack", "x?y", "a/b/c", "a%b", "a<b" })
        {
            yield return ($"registration-name-{Hash(reg)}", U(ReplaceFirst(V, "name: azurestack-west", $"name: \"{reg}\"")), "PRV024");
        }

        foreach (var key in new[] { "\"we st\"", "\"a/b\"", "\"x:y\"", "\"ü\"" })
        {
            yield return ($"registration-key-{Hash(key)}", U(V.Replace("    east:\n", $"    {key}:\n", StringComparison.Ordinal)), "PRV022");
        }

        foreach (var cloud in new[] { "AzureCloudd", "azure", "mars", "http://example.com/", "ftp://x" })
        {
            yield return ($"cloud-{Hash(cloud)}", U(V.Replace("cloud: local", $"cloud: \"{cloud}\"", StringComparison.Ordinal)), cloud.Contains("://", StringComparison.Ordinal) ? "PRV018" : "PRV017");
        }

        foreach (var key in new[] { "cloud", "registrations", "tenants" })
        {
            yield return ($"no-namespace-{key}", U(V.Replace($"tenant-registrations:{key}:", $"{key}:", StringComparison.Ordinal)), "PRV014");
            yield return ($"unknown-namespaced-{key}", U(V.Replace($"tenant-registrations:{key}:", $"tenant-registrations:{key}x:", StringComparison.Ordinal)), "PRV015");
        }

        foreach (var field in new[] { "      subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438\n", "      name: azurestack-west\n", "      tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8\n" })
        {
            yield return ($"missing-{field.Trim().Split(':')[0]}", U(ReplaceFirst(V, field, string.Empty)), "PRV008");
        }

        // Bytes that are not UTF-8, at several places.
        byte[][] badBytes = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0xBC], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80]];
        foreach (var at in new[] { 0, 40, 200, V.Length / 2, V.Length - 2 })
        {
            for (var b = 0; b < badBytes.Length; b++)
            {
                var bytes = U(V).ToList();
                bytes.InsertRange(at, badBytes[b]);
                yield return ($"not-utf8-at{at}-{b}", [.. bytes], "PRV004");
            }
        }

        // Deep nesting: flow sequences and block mappings thousands deep.
        foreach (var depth in new[] { 100, 1000, 10000 })
        {
            yield return ($"deep-flow-{depth}", U(V.Replace("protect: false", "protect: " + new string('[', depth) + new string(']', depth), StringComparison.Ordinal)), "PRV007");
            var nested = new StringBuilder(V);
            nested.Append("    deep:\n");
            for (var d = 0; d < Math.Min(depth, 2000); d++)
            {
                nested.Append(' ', 6 + (2 * d)).Append('k').Append(d.ToString(CultureInfo.InvariantCulture)).Append(":\n");
            }

            yield return ($"deep-block-{depth}", U(nested.ToString()), "PRV008");
        }

        // Huge files: 20,000 valid tenants and one mistake at the end; a 2 MB scalar.
        var huge = new StringBuilder(V);
        for (var t = 0; t < 20000; t++)
        {
            huge.Append(CultureInfo.InvariantCulture, $"    t{t}:\n      tenantId: {Guid(t, 1)}\n      subscriptionId: {Guid(t, 2)}\n      registrations: [west]\n");
        }

        yield return ("huge-20000-tenants-one-bad-guid", U(huge.ToString() + "    last:\n      tenantId: not-a-guid\n      subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f\n      registrations: [west]\n"), "PRV016");
        yield return ("huge-2mb-scalar", U(V.Replace("name: azurestack-east", "name: " + new string('e', 2_000_000), StringComparison.Ordinal)), "PRV024");
    }

    private static string Guid(int n, int kind) => $"{n:x8}-{kind:x4}-4000-8000-{n:x12}";

    private static string Replace(string[] lines, int index, string line)
    {
        var copy = (string[])lines.Clone();
        copy[index] = line;
        return string.Join('\n', copy);
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException($"'{what}' not in the valid stack") : string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }

    private static string Hash(string s) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..6];
}
