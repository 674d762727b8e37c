using Provisioning.Engine;
using Provisioning.Planning;
using Provisioning.Sdk;
using Provisioning.Testing;

namespace TenantRegistrations.Tests;

/// <summary>
/// A second run against the state the first left (<see cref="TestResult.State"/>), as a second <c>provision up</c>: a
/// tenant removed from the CSV is deleted, a protected one is refused, a retained one is forgotten but stays in Azure.
/// </summary>
public sealed class SecondRunTests : IDisposable
{
    private const string West = "azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450";
    private const string East = "azurestack-9531985d-5d9d-49f8-9818-e811892f902b";
    private const string Fabrikam = "a170b338-3926-4059-b28c-105d1fb17c23";
    private const string Northwind = "8e81973e-0bec-47b0-b898-d190f9ebdacc";

    private readonly string _folder = Directory.CreateTempSubdirectory("tenant-csv-").FullName;

    [Fact]
    public async Task A_tenant_removed_from_the_csv_is_deleted_on_every_stamp_it_was_on()
    {
        var first = await UpAsync(Csv(), state: null);
        Assert.Equal(RunOutcome.Succeeded, first.Run.Outcome);
        Assert.Equal(11, first.State.Resources.Count);

        var second = await UpAsync(Csv(without: "fabrikam"), first.State);

        Assert.Equal(RunOutcome.Succeeded, second.Run.Outcome);
        Assert.Equal<string>(
            new[] { Example.Id(West, Fabrikam), Example.Id(East, Fabrikam) }.Order(StringComparer.Ordinal),
            second.Run.Plan.Steps.Where(s => s.Kind == StepKind.Delete).Select(s => s.Id.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(9, second.State.Resources.Count);
        Assert.DoesNotContain(second.State.Provider.Resources, r => r.Id.Name == Fabrikam);
        Assert.Equal(2, second.State.Provider.Calls.Count(c => c.Method == "DELETE"));
    }

    [Fact]
    public async Task Removing_a_protected_tenant_is_refused_and_nothing_is_deleted()
    {
        var first = await UpAsync(Csv(protect: "fabrikam"), state: null);
        var deletesBefore = first.State.Provider.Calls.Count(c => c.Method == "DELETE");

        var second = await UpAsync(Csv(without: "fabrikam"), first.State);

        Assert.Equal(RunOutcome.Refused, second.Run.Outcome);
        Assert.NotEmpty(second.Run.Diagnostics);
        Assert.Contains(second.Run.Diagnostics, d => d.Message.Contains("protect", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(deletesBefore, second.State.Provider.Calls.Count(c => c.Method == "DELETE"));
        Assert.Equal(11, second.State.Resources.Count);
        Assert.Equal(2, second.State.Provider.Resources.Count(r => r.Id.Name == Fabrikam));
    }

    [Fact]
    public async Task Removing_a_retained_tenant_forgets_it_and_leaves_it_in_azure()
    {
        var first = await UpAsync(Csv(retain: "northwind"), state: null);

        var second = await UpAsync(Csv(without: "northwind"), first.State);

        Assert.Equal(RunOutcome.Succeeded, second.Run.Outcome);
        Assert.DoesNotContain(second.State.Provider.Calls, c => c.Method == "DELETE");
        Assert.DoesNotContain(second.State.Resources, r => r.Id.Name == Northwind);
        Assert.Contains(second.State.Provider.Resources, r => r.Id.ToString() == Example.Id(West, Northwind));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<TestResult> UpAsync(string csv, TestState? state)
    {
        var options = Example.Options();
        var config = new Dictionary<string, object?>(options.Config, StringComparer.Ordinal) { [$"{Example.Project}:tenantsFile"] = csv };
        return Deployment.TestAsync(new MultiStampTests.RecordingMocks(), new TestOptions
        {
            ProjectName = options.ProjectName,
            StackName = options.StackName,
            Config = config,
            IsPreview = false,
            State = state,
        }, TenantRegistrationsProgram.Declare);
    }

    /// <summary>The example's CSV with a retainOnDelete column, less one tenant, one of them protected or retained.</summary>
    private string Csv(string? without = null, string? protect = null, string? retain = null)
    {
        var lines = File.ReadAllLines(Example.TenantsFile);
        var rows = lines.Skip(1)
            .Where(l => l.Length > 0 && !l.StartsWith(without + ",", StringComparison.Ordinal))
            .Select(l =>
            {
                var name = l[..l.IndexOf(',', StringComparison.Ordinal)];
                var cells = l.Split(',');
                cells[4] = name == protect ? "true" : cells[4];
                return string.Join(',', cells) + "," + (name == retain ? "true" : "false");
            });
        var path = Path.Combine(_folder, $"tenants-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, [lines[0] + ",retainOnDelete", .. rows]);
        return path;
    }
}
