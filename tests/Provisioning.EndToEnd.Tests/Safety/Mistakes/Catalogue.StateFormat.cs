using System.Text;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// "State format is brittle": a field a later version adds is skipped (accepted: exit 0); a newer major version, a
/// file cut short, garbage, a wrong checksum, duplicates and a corrupt journal are refused (exit 2), never used.
/// </summary>
internal static partial class Catalogue
{
    private static IEnumerable<Mistake> StateFormat()
    {
        // Accepted: unknown top-level fields of a later version.
        foreach (var (what, field) in new[]
        {
            ("a-string", "\"note\":\"x\","),
            ("an-object", "\"origin\":{\"tool\":\"provision\",\"version\":\"9.1\",\"nested\":{\"a\":[1,2,{\"b\":null}]}},"),
            ("an-array", "\"tags\":[\"team-a\",\"billing\"],"),
        })
        {
            yield return new Mistake($"state-format/unknown-field-with-{what}-is-accepted", [.. Preview(), "--refresh=false"])
            {
                Exit = 0,
                Prepare = [Up()],
                Arrange = p => p.Replace(p.StatePath(), "{\"version\":3,", "{\"version\":3," + field),
            };
        }

        yield return new Mistake("state-format/unknown-field-at-the-end-is-accepted", [.. Up(), "--refresh=false"])
        {
            Exit = 0,
            Prepare = [Up()],
            Arrange = p =>
            {
                var text = p.Read(p.StatePath()).TrimEnd();
                p.Write(p.StatePath(), text[..^1] + ",\"written_by\":\"provision 9.0\"}");
            },
        };

        // Refused.
        foreach (var (what, edit) in new (string, Action<MistakeProject>)[]
        {
            ("newer-major-version", p => p.Replace(p.StatePath(), "\"version\":3", "\"version\":4")),
            ("version-99", p => p.Replace(p.StatePath(), "\"version\":3", "\"version\":99")),
            ("version-as-a-string", p => p.Replace(p.StatePath(), "\"version\":3", "\"version\":\"2\"")),
            ("snapshot-cut-in-half", p => p.Truncate(p.StatePath(), new FileInfo(p.StatePath()).Length / 2)),
            ("snapshot-cut-before-the-checksum", p => p.CutAt(p.StatePath(), ",\"checksum\"")),
            ("zero-byte-snapshot", p => p.Truncate(p.StatePath(), 0)),
            ("binary-garbage-snapshot", p => p.WriteBytes(p.StatePath(), [0x00, 0xFF, 0x7B, 0x22, 0x00, 0x01, 0x80, 0xC3])),
            ("json-null-snapshot", p => p.Write(p.StatePath(), "null")),
            ("json-array-snapshot", p => p.Write(p.StatePath(), "[]")),
            ("not-utf8-snapshot", p => p.WriteBytes(p.StatePath(), [.. Encoding.Latin1.GetBytes(p.Read(p.StatePath()).Replace("\"stack\":\"local\"", "\"stack\":\"l\u00e9cal\"", StringComparison.Ordinal))])),
            ("checksum-altered", p => p.Replace(p.StatePath(), "\"checksum\":\"sha256:", "\"checksum\":\"sha256:00")),
            ("checksum-removed", p =>
            {
                var text = p.Read(p.StatePath());
                p.Write(p.StatePath(), text[..text.IndexOf(",\"checksum\"", StringComparison.Ordinal)] + "}");
            }),
            ("deeply-nested-json", p => p.Replace(p.StatePath(), "{\"version\":3,", "{\"version\":3,\"x\":" + new string('[', 10_000) + new string(']', 10_000) + ",")),
            ("duplicate-resource-ids", p => p.EditState(c => c with { Resources = c.Resources.Add(c.Resources[0] with { Urn = Urn.Create("local", Project, "azure-native:azurestack:CustomerSubscription", "twin") }) })),
            ("two-resources-under-one-urn", p => p.EditState(c => c with { Resources = c.Resources.SetItem(1, c.Resources[1] with { Urn = c.Resources[0].Urn }) })),
            ("journal-corrupt-in-the-middle", p =>
            {
                var first = p.Resources()[0];
                p.AppendJournal([new JournalRecord(1_000, JournalRecordKind.Remove, first.Id)]);
                p.Append(p.JournalPath(), "0000 {\"seq\":1001,\"kind\":\"set\"}\n");
                p.AppendJournal([new JournalRecord(1_002, JournalRecordKind.Set, first.Id, Resource: first)]);
            }),
            ("journal-of-binary-garbage", p => p.WriteBytes(p.JournalPath(), [0xFF, 0xFE, 0x00, 0x0A, 0x80, 0x81, 0x0A, 0x41, 0x0A])),
            ("journal-without-a-snapshot", p =>
            {
                var first = p.Resources()[0];
                p.Delete(p.StatePath());
                p.AppendJournal([new JournalRecord(1_000, JournalRecordKind.Set, first.Id, Resource: first)]);
            }),
            ("pending-operations-of-garbage", p => p.Replace(p.StatePath(), "\"resources\":", "\"pending\":[{\"sequence\":\"x\",\"operation\":\"explode\"}],\"resources\":")),
        })
        {
            yield return new Mistake($"state-format/{what}", [.. Up(), "--refresh=false"])
            {
                Prepare = [Up()],
                Arrange = edit,
            };
        }

        yield return new Mistake("state-format/newer-major-version/preview", [.. Preview(), "--refresh=false"])
        {
            Prepare = [Up()],
            Arrange = p => p.Replace(p.StatePath(), "\"version\":3", "\"version\":4"),
            Forbidden = "corrupt or truncated",
        };
        yield return new Mistake("state-format/snapshot-cut-in-half/stack-export", "stack", "export", "--stack", "local")
        {
            Prepare = [Up()],
            Arrange = p => p.Truncate(p.StatePath(), new FileInfo(p.StatePath()).Length / 2),
        };
        yield return new Mistake("state-format/stack-import-of-a-cut-file", "stack", "import", "--stack", "local", "--file", "{dir}/cut.json")
        {
            Prepare = [Up()],
            Arrange = p =>
            {
                p.Copy(p.StatePath(), "cut.json");
                p.Truncate("cut.json", 100);
            },
        };
        yield return new Mistake("state-format/stack-import-of-a-zero-byte-file", "stack", "import", "--stack", "local", "--file", "{dir}/empty.json")
        {
            Prepare = [Up()],
            Arrange = p => p.Write("empty.json", string.Empty),
        };
        yield return new Mistake("state-format/stack-import-of-a-missing-file", "stack", "import", "--stack", "local", "--file", "{dir}/missing.json")
        {
            Prepare = [Up()],
        };
    }
}
