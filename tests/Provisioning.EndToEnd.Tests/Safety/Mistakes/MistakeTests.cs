using Xunit.Abstractions;

namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// Every operator mistake of the catalogue, one test each: refused with a located diagnostic and the right exit code,
/// nothing sent, nothing changed, no lock left (see MistakeRunner.cs for how to add one). The cases set process-wide
/// environment variables, so they run alone, one at a time.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class MistakeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names { get; } = [.. Catalogue.All.Select(m => m.Name)];

    [Fact]
    public void The_catalogue_has_at_least_150_cases_with_unique_names_covering_every_kind()
    {
        Assert.True(Catalogue.All.Count >= 150, $"{Catalogue.All.Count} cases");
        Assert.Equal(Catalogue.All.Count, Catalogue.All.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count());
        var kinds = Catalogue.All.GroupBy(m => m.Name.Split('/')[0]).ToDictionary(g => g.Key, g => g.Count());
        foreach (var kind in Catalogue.Kinds)
        {
            Assert.True(kinds.GetValueOrDefault(kind) >= 3, $"kind {kind}: {kinds.GetValueOrDefault(kind)} case(s)");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_mistake_is_refused_cleanly(string name)
    {
        var mistake = Catalogue.All.Single(m => m.Name == name);

        var (problems, result) = await MistakeRunner.RunAsync(mistake);

        output.WriteLine(result.ToString());
        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}\n{Shorten(result.ToString())}");
    }

    private static string Shorten(string text) => text.Length <= 4000 ? text : text[..2000] + "\n…\n" + text[^2000..];
}
