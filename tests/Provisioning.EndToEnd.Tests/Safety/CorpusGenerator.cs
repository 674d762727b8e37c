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

        // Deep nesting: flow sequences and block mappings thousands deep (bounded at 64 levels while parsing).
        foreach (var depth in new[] { 100, 1000, 10000 })
        {
            yield return ($"deep-flow-{depth}", U(V.Replace("protect: false", "protect: " + new string('[', depth) + new string(']', depth), StringComparison.Ordinal)), "PRV039");
            var nested = new StringBuilder(V);
            nested.Append("    deep:\n");
            for (var d = 0; d < Math.Min(depth, 2000); d++)
            {
                nested.Append(' ', 6 + (2 * d)).Append('k').Append(d.ToString(CultureInfo.InvariantCulture)).Append(":\n");
            }

            yield return ($"deep-block-{depth}", U(nested.ToString()), "PRV039");
        }

        // Huge files: 20,000 valid tenants and one mistake at the end; a 2 MB scalar.
        var huge = new StringBuilder(V);
        for (var t = 0; t < 20000; t++)
        {
            huge.Append(CultureInfo.InvariantCulture, $"    t{t}:\n      tenantId: {Guid(t, 1)}\n      subscriptionId: {Guid(t, 2)}\n      registrations: [west]\n");
        }

        yield return ("huge-20000-tenants-one-bad-guid", U(huge.ToString() + "    last:\n      tenantId: not-a-guid\n      subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f\n      registrations: [west]\n"), "PRV016");
        yield return ("huge-2mb-scalar", U(V.Replace("name: azurestack-east", "name: " + new string('e', 2_000_000), StringComparison.Ordinal)), "PRV024");

        foreach (var safe in SafeByConstruction(V))
        {
            yield return (safe.Name, safe.Content, safe.Intended);
        }
    }

    /// <summary>Issue 11's stack-file mistakes, one principle at a time: strict values, tags, limits, URNs, sections, credentials, token scopes.</summary>
    private static IEnumerable<(string Name, byte[] Content, string Intended)> SafeByConstruction(string v)
    {
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s.ReplaceLineEndings("\n"));
        const string TenantId = "tenantId: 6b0d549b-6f03-475a-9600-a35a099950d8";
        const string Id = "6b0d549b-6f03-475a-9600-a35a099950d8";

        // Strict values: a value is used exactly as written, so nothing ARM would see differently gets through.
        foreach (var (slug, value, code) in new[]
        {
            ("leading-space", $"\" {Id}\"", "PRV035"),
            ("trailing-space", $"\"{Id} \"", "PRV035"),
            ("escaped-newline", $"\"{Id}\\n\"", "PRV035"),
            ("escaped-tab", $"\"{Id}\\t\"", "PRV035"),
            ("escaped-nul", $"\"{Id}\\0\"", "PRV035"),
            ("nbsp-inside", "6b0d549b\u00a06f03-475a-9600-a35a099950d8", "PRV035"),
            ("zero-width-space", Id + "\u200b", "PRV035"),
            ("bom-inside", $"\"\\ufeff{Id}\"", "PRV035"),
            ("line-separator", $"\"{Id}\\L\"", "PRV035"),
            ("unicode-hyphen", "6b0d549b\u20106f03-475a-9600-a35a099950d8", "PRV016"),
            ("minus-sign", "6b0d549b\u22126f03-475a-9600-a35a099950d8", "PRV016"),
            ("fullwidth-digit", "\uff16b0d549b-6f03-475a-9600-a35a099950d8", "PRV016"),
            ("quoted-braces", $"\"{{{Id}}}\"", "PRV016"),
            ("parentheses", $"({Id})", "PRV016"),
            ("no-hyphens", Id.Replace("-", string.Empty, StringComparison.Ordinal), "PRV016"),
            ("nil", "00000000-0000-0000-0000-000000000000", "PRV036"),
        })
        {
            yield return ($"strict-tenantid-{slug}", U(v.Replace(TenantId, $"tenantId: {value}", StringComparison.Ordinal)), code);
        }

        yield return ("strict-tenantid-block-scalar", U(v.Replace(TenantId, $"tenantId: |\n        {Id}", StringComparison.Ordinal)), "PRV035");
        yield return ("strict-tenantid-block-scalar-crlf", Encoding.UTF8.GetBytes(v.Replace(TenantId, $"tenantId: |\n        {Id}", StringComparison.Ordinal).ReplaceLineEndings("\r\n")), "PRV035");
        yield return ("strict-registration-subscription-nil", U(ReplaceFirst(v, "subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438", "subscriptionId: 00000000-0000-0000-0000-000000000000")), "PRV036");
        yield return ("strict-customer-subscription-nil", U(v.Replace("subscriptionId: 8d116ece-1738-47d9-bd9c-172411e20b8f", "subscriptionId: 00000000-0000-0000-0000-000000000000", StringComparison.Ordinal)), "PRV036");
        yield return ("strict-bom-and-nil-guid", [0xEF, 0xBB, 0xBF, .. U(v.Replace(TenantId, "tenantId: 00000000-0000-0000-0000-000000000000", StringComparison.Ordinal))], "PRV036");
        yield return ("strict-name-trailing-space", U(ReplaceFirst(v, "name: azurestack-west", "name: \"azurestack-west \"")), "PRV035");
        yield return ("strict-name-inner-space", U(ReplaceFirst(v, "name: azurestack-west", "name: \"azurestack west\"")), "PRV024");
        yield return ("strict-name-tab", U(ReplaceFirst(v, "name: azurestack-west", "name: \"azurestack\\twest\"")), "PRV035");
        yield return ("strict-resource-group-nbsp", U(ReplaceFirst(v, "resourceGroup: azurestack", "resourceGroup: azure\u00a0stack")), "PRV035");
        yield return ("strict-reference-trailing-space", U(v.Replace("[west, east]", "[\"west \", east]", StringComparison.Ordinal)), "PRV035");
        yield return ("strict-reference-newline", U(v.Replace("[west, east]", "[\"west\\n\", east]", StringComparison.Ordinal)), "PRV035");
        yield return ("strict-cloud-newline", U(v.Replace("cloud: local", "cloud: \"local\\n\"", StringComparison.Ordinal)), "PRV035");
        yield return ("strict-bool-yes", U(v.Replace("protect: false", "protect: yes", StringComparison.Ordinal)), "PRV021");
        yield return ("strict-bool-on", U(v.Replace("protect: false", "protect: on", StringComparison.Ordinal)), "PRV021");
        yield return ("strict-tenant-key-space", U(v.Replace("    contoso:\n", "    con toso:\n", StringComparison.Ordinal)), "PRV022");
        yield return ("strict-tenant-key-tab", U(v.Replace("    contoso:\n", "    \"contoso\\t\":\n", StringComparison.Ordinal)), "PRV022");
        yield return ("strict-registration-key-newline", U(v.Replace("    east:\n", "    \"east\\n\":\n", StringComparison.Ordinal)), "PRV022");

        // Tags are refused, never dropped; aliases stay within a budget; nesting is bounded before it costs anything.
        yield return ("tag-ref", U(v.Replace(TenantId, "tenantId: !Ref contoso-tenant", StringComparison.Ordinal)), "PRV037");
        yield return ("tag-binary", U(ReplaceFirst(v, "name: azurestack-west", "name: !!binary YXp1cmVzdGFjay13ZXN0")), "PRV037");
        yield return ("tag-bool", U(v.Replace("protect: false", "protect: !!bool false", StringComparison.Ordinal)), "PRV037");
        yield return ("tag-on-mapping", U(v.Replace("    contoso:\n", "    contoso: !Tenant\n", StringComparison.Ordinal)), "PRV037");
        yield return ("tag-on-list", U(v.Replace("[west, east]", "!!set [west, east]", StringComparison.Ordinal)), "PRV037");
        var laughs = new StringBuilder(v).Append("    lol:\n      tenantId: 0cb1e29c-658c-4a14-95e6-0af593bd04cf\n      subscriptionId: 8e81973e-0bec-47b0-b898-d190f9ebdacc\n      registrations: [west]\n      retainOnDelete: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            laughs.Append(CultureInfo.InvariantCulture, $"      l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        }

        yield return ("alias-billion-laughs", U(laughs.ToString()), "PRV038");
        yield return ("deep-flow-100000-brackets", U(v.Replace("protect: false", "protect: " + new string('[', 100_000) + new string(']', 100_000), StringComparison.Ordinal)), "PRV039");
        yield return ("deep-flow-100000-braces", U(v.Replace("protect: false", "protect: " + new string('{', 100_000) + new string('}', 100_000), StringComparison.Ordinal)), "PRV039");

        // One resource per URN: {registration}-{tenant} must not collide, ignoring case.
        var twoRegistrations = ReplaceFirst(v, "    east:\n", "    a-b: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-ab }\n    a: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-a }\n    east:\n");
        yield return ("urn-collision-joined-keys", U(twoRegistrations + "    c: { tenantId: 0cb1e29c-658c-4a14-95e6-0af593bd04cf, subscriptionId: 8e81973e-0bec-47b0-b898-d190f9ebdacc, registrations: [a-b] }\n    b-c: { tenantId: 6b4cb242-4a23-4596-a217-beaddbc496cb, subscriptionId: 92276658-1e27-41c0-8a6a-63ec24ede6a4, registrations: [a] }\n"), "PRV040");
        yield return ("urn-collision-tenant-case", U(v + "    Contoso: { tenantId: 0cb1e29c-658c-4a14-95e6-0af593bd04cf, subscriptionId: 8e81973e-0bec-47b0-b898-d190f9ebdacc, registrations: [west] }\n"), "PRV040");
        yield return ("urn-collision-registration-case", U(ReplaceFirst(v, "    east:\n", "    West: { subscriptionId: 6513270e-269e-4d37-b2a7-4de452e6b438, name: azurestack-west2 }\n    east:\n")), "PRV040");

        // No silent mass delete: a missing or null section is an error ({} is the way to say "none").
        var cut = v[..v.IndexOf("  tenant-registrations:tenants:", StringComparison.Ordinal)];
        yield return ("section-tenants-cut-off", U(cut), "PRV041");
        yield return ("section-tenants-null", U(cut + "  tenant-registrations:tenants:\n"), "PRV041");
        yield return ("section-tenants-tilde", U(cut + "  tenant-registrations:tenants: ~\n"), "PRV041");
        yield return ("section-tenants-null-word", U(cut + "  tenant-registrations:tenants: null\n"), "PRV041");
        yield return ("section-registrations-null", U("config:\n  tenant-registrations:cloud: local\n  tenant-registrations:registrations:\n  tenant-registrations:tenants: {}\n"), "PRV041");
        yield return ("section-config-only", U("config:\n"), "PRV041");
        yield return ("section-typo-config", U(v.Replace("config:\n", "confg:\n", StringComparison.Ordinal)), "PRV041");
        yield return ("empty-zero-bytes", [], "PRV042");
        yield return ("empty-comments-only", U("# Pulumi.local.yaml\n# nothing here yet\n"), "PRV042");
        yield return ("empty-bom-only", [0xEF, 0xBB, 0xBF], "PRV042");
        yield return ("empty-document-marker", U("---\n...\n"), "PRV042");
        yield return ("esc-environment-imported", U("environment:\n  - prod-settings\n" + v), "PRV047");
        yield return ("foreign-namespace-renamed-project", U(v.Replace("tenant-registrations:", "billing:", StringComparison.Ordinal)), "PRV043");

        // Credentials in a URL are refused and never echoed; a token scope is an https URL or ends in /.default.
        yield return ("credentials-cloud-userinfo", U(v.Replace("cloud: local", "cloud: \"https://admin:hunter2@management.contoso.com/\"", StringComparison.Ordinal)), "PRV044");
        yield return ("credentials-cloud-sig", U(v.Replace("cloud: local", "cloud: \"https://management.contoso.com/?sv=2024&sig=abc%2Bdef\"", StringComparison.Ordinal)), "PRV044");
        yield return ("credentials-token-scope", U(v.Replace("cloud: local", "cloud: https://management.contoso.com/\n  tenant-registrations:tokenScope: \"https://u:p@login.contoso.com/.default\"", StringComparison.Ordinal)), "PRV044");
        yield return ("token-scope-not-a-scope", U(v.Replace("cloud: local", "cloud: https://management.contoso.com/\n  tenant-registrations:tokenScope: management.contoso.com", StringComparison.Ordinal)), "PRV045");
        yield return ("token-scope-plain-http", U(v.Replace("cloud: local", "cloud: https://management.contoso.com/\n  tenant-registrations:tokenScope: http://management.contoso.com/", StringComparison.Ordinal)), "PRV045");

        // A 10 MB value: refused, and cut in the message.
        yield return ("huge-10mb-guid", U(v.Replace(TenantId, "tenantId: " + new string('6', 10_000_000), StringComparison.Ordinal)), "PRV016");
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
