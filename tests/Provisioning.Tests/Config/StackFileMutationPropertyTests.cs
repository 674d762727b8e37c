using CsCheck;

namespace Provisioning.Tests.Config;

/// <summary>
/// Broken stack files generated as mutations of a valid one: the loader never throws, refuses what it reports as an
/// error, and places every problem in the stack file at a real line and column. Set <c>PROVISION_PROPERTY_SEED</c>
/// to the seed a failure printed to replay it.
/// </summary>
public sealed class StackFileMutationPropertyTests
{
    private const int Iterations = 500;
    private const string Noise = ":{}[]-#&*!|>'\"%@`,? \t\nx9é\u00a0\r";

    private const string Valid = """
        config:
          tenant-registrations:cloud: AzureCloud
          tenant-registrations:registrations:
            west: { subscriptionId: 11111111-1111-1111-1111-111111111111, resourceGroup: rg-west, name: azurestack-AB12 }
            east:
              subscriptionId: 22222222-2222-2222-2222-222222222222
              resourceGroup: rg-east
              name: azurestack-CD34
          tenant-registrations:tenants:
            contoso:
              tenantId: aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
              subscriptionId: cccccccc-cccc-cccc-cccc-cccccccccccc
              registrations: [west, east]
              protect: true
            fabrikam:
              tenantId: bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb
              subscriptionId: dddddddd-dddd-dddd-dddd-dddddddddddd
              registrations:
                - west
                - registration: east
                  subscriptionId: eeeeeeee-eeee-eeee-eeee-eeeeeeeeeeee
        """;

    /// <summary>One edit: which kind, two positions and a character, all reduced modulo the text at hand.</summary>
    private sealed record Mutation(int Kind, int A, int B, int Char)
    {
        public override string ToString() => $"({Kind},{A},{B},{Char})";
    }

    private static readonly Gen<Mutation[]> Mutations =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.Int[0, Noise.Length - 1], (k, a, b, c) => new Mutation(k, a, b, c))
            .Array[1, 5];

    [Fact]
    public void The_valid_stack_the_mutations_start_from_has_no_diagnostics() =>
        Assert.Empty(ConfigFixture.ParseStack(Valid).Diagnostics);

    [Fact]
    public void Mutated_stack_files_never_throw_refuse_errors_and_place_every_problem_at_a_line_and_column()
    {
        var refused = 0;
        Mutations.Sample(
            mutations =>
            {
                var text = Apply(Valid, mutations);
                var result = ConfigFixture.ParseStack(text);
                if (result.HasErrors)
                {
                    Assert.Null(result.Stack);
                    refused++;
                }

                foreach (var d in result.Diagnostics.Where(d => d.Span.File == ConfigFixture.StackFile))
                {
                    Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, $"{d} has no place in:\n{text}");
                }
            },
            seed: Environment.GetEnvironmentVariable("PROVISION_PROPERTY_SEED"),
            iter: Iterations,
            threads: 1,
            print: mutations => string.Join(' ', mutations.Select(m => m.ToString())) + "\n" + Apply(Valid, mutations));

        // The property says little if the mutations rarely break anything.
        Assert.True(refused > Iterations / 4, $"only {refused} of {Iterations} mutated files were refused");
    }

    /// <summary>Applies each edit in turn: delete, duplicate or swap lines, re-indent, insert a character or a key, truncate.</summary>
    private static string Apply(string text, IEnumerable<Mutation> mutations)
    {
        foreach (var m in mutations)
        {
            var lines = text.Split('\n').ToList();
            var i = m.A % lines.Count;
            var j = m.B % lines.Count;
            switch (m.Kind)
            {
                case 0:
                    lines.RemoveAt(i);
                    break;
                case 1:
                    lines.Insert(i, lines[i]);
                    break;
                case 2:
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                case 3:
                    lines[i] = m.B % 2 == 0 ? new string(' ', m.B % 7) + lines[i].TrimStart() : lines[i].TrimStart(' ').PadLeft(lines[i].Length + 1);
                    break;
                case 4:
                    lines[i] = lines[i].Insert(m.B % (lines[i].Length + 1), Noise[m.Char].ToString());
                    break;
                case 5:
                    lines.Insert(i, new string(' ', m.B % 9) + "k" + Noise[m.Char] + ": " + (m.B % 3 == 0 ? "[" : "v"));
                    break;
                case 6:
                    text = text[..(m.A % (text.Length + 1))];
                    continue;
                default:
                    lines[i] = lines[i].Length == 0 ? lines[i] : lines[i].Remove(m.B % lines[i].Length, 1);
                    break;
            }

            text = string.Join('\n', lines);
        }

        return text;
    }
}
