using Provisioning.Engine;
using Provisioning.Planning;
using Provisioning.Sdk;
using Provisioning.Sdk.AzureStack;

namespace Provisioning.EndToEnd.Tests.Programs;

/// <summary>
/// The engine as a library (Pulumi's Automation API) with an inline program: a C# app drives a stack with no program
/// project, against the emulator over loopback HTTPS, with the state in the project's work folder.
/// </summary>
public sealed class InlineProgramTests : IAsyncLifetime, IDisposable
{
    private const string Subscription = "6513270e-269e-4d37-b2a7-4de452e6b438";
    private const string Registration = "azurestack-d23f0824-128b-4f33-8c5c-7fd0a6a3a450";

    private readonly string _folder = Directory.CreateTempSubdirectory("provision-inline-").FullName;
    private ArmEmulator.ArmEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ArmEmulator.ArmEmulator.StartAsync(new ArmEmulator.ArmEmulatorOptions());
        File.WriteAllText(Path.Combine(_folder, "Pulumi.yaml"), "name: inline\nruntime: dotnet\n");
        File.WriteAllText(Path.Combine(_folder, "Pulumi.dev.yaml"), "config:\n  inline:cloud: local\n  inline:count: 2\n");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_inline_program_is_previewed_applied_changed_and_destroyed_through_the_workspace()
    {
        var stack = Workspace().Stack("dev");

        var preview = await stack.PreviewAsync();
        Assert.Equal(RunOutcome.Succeeded, preview.Outcome);
        Assert.Equal(2, preview.Plan.Count(StepKind.Create));
        Assert.Empty(_emulator.Store.GetAllMappings());

        var up = await stack.UpAsync(new RunOptions { Yes = true });
        Assert.Equal(RunOutcome.Succeeded, up.Outcome);
        Assert.Equal(2, _emulator.Store.GetAllMappings().Count);
        Assert.Equal("2", up.Outputs!.Single(o => o.Name == "mappings").Value!.Value.GetRawText());

        // The program reads its config: one tenant fewer is one DELETE.
        File.WriteAllText(Path.Combine(_folder, "Pulumi.dev.yaml"), "config:\n  inline:cloud: local\n  inline:count: 1\n");
        var second = await stack.UpAsync(new RunOptions { Yes = true });
        Assert.Equal(1, second.Plan.Count(StepKind.Delete));
        Assert.Single(_emulator.Store.GetAllMappings());

        var again = await stack.PreviewAsync(new RunOptions { ExpectNoChanges = true });
        Assert.Equal(RunOutcome.Succeeded, again.Outcome);

        var destroy = await stack.DestroyAsync(new RunOptions { Yes = true });
        Assert.Equal(RunOutcome.Succeeded, destroy.Outcome);
        Assert.Empty(_emulator.Store.GetAllMappings());
    }

    [Fact]
    public async Task Without_yes_and_without_someone_to_ask_an_up_is_refused_before_anything_is_sent()
    {
        var requests = _emulator.RequestLog.Count;

        var error = await Assert.ThrowsAsync<Diagnostics.DiagnosticException>(() => Workspace().Stack("dev").UpAsync());

        Assert.Contains(error.Diagnostics, d => d.Code == "PRV164");
        Assert.Equal(requests, _emulator.RequestLog.Count);
    }

    [Fact]
    public async Task A_program_with_a_bad_guid_is_refused_with_its_file_and_line_and_nothing_is_sent()
    {
        var workspace = new Workspace(_folder, new WorkspaceOptions
        {
            Providers = new EmulatorProviderFactory(_emulator),
            Program = ProgramFn.Create(() =>
            {
                _ = new TenantRegistration("west", new TenantRegistrationArgs
                {
                    SubscriptionId = Subscription,
                    RegistrationName = Registration,
                    Tenants = { new TenantMappingArgs { Name = "contoso", TenantId = "not-a-guid", SubscriptionId = Guid(1) } },
                });
                return new Dictionary<string, object?>();
            }),
        });
        var requests = _emulator.RequestLog.Count;

        var error = await Assert.ThrowsAsync<Diagnostics.DiagnosticException>(() => workspace.Stack("dev").UpAsync(new RunOptions { Yes = true }));

        Assert.Contains(error.Diagnostics, d => d.Span.File.EndsWith(nameof(InlineProgramTests) + ".cs", StringComparison.Ordinal) && d.Span.Line > 0);
        Assert.Equal(requests, _emulator.RequestLog.Count);
    }

    private Workspace Workspace() => new(_folder, new WorkspaceOptions
    {
        Providers = new EmulatorProviderFactory(_emulator),
        Program = ProgramFn.Create(() =>
        {
            var count = new Sdk.Config().GetInt32("count") ?? 0;
            var args = new TenantRegistrationArgs { SubscriptionId = Subscription, RegistrationName = Registration };
            for (var i = 1; i <= count; i++)
            {
                args.Tenants.Add(new TenantMappingArgs { Name = $"tenant{i}", TenantId = Guid(100 + i), SubscriptionId = Guid(i) });
            }

            _ = new TenantRegistration("west", args);
            return new Dictionary<string, object?> { ["mappings"] = count };
        }),
    });

    private static string Guid(int n) => $"{n:x8}-0000-4000-8000-{n:x12}";
}
