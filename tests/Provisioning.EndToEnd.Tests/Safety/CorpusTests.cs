using System.Text.RegularExpressions;
using Provisioning.ArmEmulator;
using Provisioning.Config;

namespace Provisioning.EndToEnd.Tests.Safety;

/// <summary>
/// Every case of tests/corpus runs through the real CLI (up --yes) against the real emulator: exit 2, exactly
/// the expected codes, and not one request in the emulator's log. UPDATE_CORPUS=1 regenerates the corpus.
/// </summary>
public sealed partial class CorpusTests : IAsyncLifetime
{
    private ArmEmulator.ArmEmulator _emulator = null!;

    public static string CorpusRoot => Path.Combine(StackFolder.RepositoryRoot, "tests", "corpus");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(CorpusRoot).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    public async Task InitializeAsync() => _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulatorOptions());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public void The_corpus_holds_at_least_200_cases_and_matches_its_generator()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_CORPUS") == "1")
        {
            Regenerate();
        }

        var cases = Directory.GetDirectories(CorpusRoot);
        Assert.True(cases.Length >= 200, $"{cases.Length} cases");
        Assert.Equal(CorpusGenerator.Cases().Count(), cases.Length);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_corpus_case_exits_2_with_its_expected_codes_and_sends_nothing(string name)
    {
        var dir = Path.Combine(CorpusRoot, name);
        using var folder = new StackFolder(string.Empty);
        File.WriteAllBytes(folder.StackFile, StackFileOf(name));
        var expected = File.ReadAllLines(Path.Combine(dir, "expected.txt")).Where(l => l.Length > 0).ToList();
        var factory = new EmulatorProviderFactory(_emulator);
        var before = _emulator.RequestLog.Count;

        var run = await Cli.RunAsync(factory, "up", "--stack", "local", "--cwd", folder.Path, "--yes");

        Assert.True(run.ExitCode == 2, run.ToString()[..Math.Min(4000, run.ToString().Length)]);
        Assert.Equal(expected, CodesIn(run.Error));
        Assert.Equal(0, factory.Connections);
        Assert.Equal(before, _emulator.RequestLog.Count);
    }

    /// <summary>Cases larger than this keep only their expected codes in the repository; the stack file is generated when the test runs.</summary>
    private const int MaxCommittedBytes = 256 * 1024;

    private static byte[] StackFileOf(string name)
    {
        var committed = Path.Combine(CorpusRoot, name, "Pulumi.local.yaml");
        if (File.Exists(committed))
        {
            return File.ReadAllBytes(committed);
        }

        var generated = name[(name.IndexOf('-', StringComparison.Ordinal) + 1)..];
        return CorpusGenerator.Cases().Single(c => c.Name == generated).Content;
    }

    internal static List<string> CodesIn(string output) =>
        [.. CodePattern().Matches(output).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"(?:error|warning) (PRV\d{3}):")]
    private static partial Regex CodePattern();

    /// <summary>Writes every generated case with the codes the loader reports, after checking each provokes the code it was made for.</summary>
    private static void Regenerate()
    {
        // Case folders only: the corpus README stays.
        foreach (var old in Directory.Exists(CorpusRoot) ? Directory.GetDirectories(CorpusRoot) : [])
        {
            Directory.Delete(old, recursive: true);
        }

        var wrong = new List<string>();
        var number = 0;
        foreach (var (name, content, intended) in CorpusGenerator.Cases())
        {
            using var folder = new StackFolder(string.Empty);
            File.WriteAllBytes(folder.StackFile, content);
            var loaded = StackLoader.Load(folder.Path, "local");
            var codes = loaded.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!codes.Contains(intended) || !loaded.HasErrors)
            {
                wrong.Add($"{name}: intended {intended}, got [{string.Join(", ", codes)}]");
            }

            var dir = Path.Combine(CorpusRoot, $"{++number:D3}-{name}");
            Directory.CreateDirectory(dir);
            if (content.Length <= MaxCommittedBytes)
            {
                File.WriteAllBytes(Path.Combine(dir, "Pulumi.local.yaml"), content);
            }
            File.WriteAllLines(Path.Combine(dir, "expected.txt"), codes);
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
