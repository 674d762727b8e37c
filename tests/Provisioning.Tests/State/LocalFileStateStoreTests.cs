using System.Runtime.Versioning;
using Provisioning.Diagnostics;
using Provisioning.State;

namespace Provisioning.Tests.State;

public sealed class LocalFileStateStoreTests : IDisposable
{
    private static readonly StateIdentity Dev = new("tenant-registrations", "dev");
    private static readonly StateIdentity Prod = new("tenant-registrations", "prod");

    private readonly TempDirectory _temp = new();

    private LocalFileStateStore NewStore(string name = "dev.json") => new(_temp.File(name), Dev);

    [Fact]
    public async Task A_checkpoint_written_to_a_file_reads_back_the_same()
    {
        using var store = NewStore();

        await store.WriteAsync(SampleCheckpoints.Two);
        var read = await store.ReadAsync();

        Assert.NotNull(read);
        SampleCheckpoints.AssertSame(SampleCheckpoints.Two, read);
    }

    [Fact]
    public async Task A_stack_never_deployed_has_no_checkpoint()
    {
        using var store = NewStore("never.json");

        Assert.Null(await store.ReadAsync());
    }

    [Fact]
    public async Task Writing_creates_the_missing_directories()
    {
        var path = _temp.File(Path.Combine(".provision", "stacks", "dev.json"));

        await new LocalFileStateStore(path, Dev).WriteAsync(SampleCheckpoints.Two);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_second_write_replaces_the_first()
    {
        using var store = NewStore();
        var later = SampleCheckpoints.Two with { Updated = SampleCheckpoints.Two.Updated.AddHours(1), Resources = SampleCheckpoints.Resources(3) };

        await store.WriteAsync(SampleCheckpoints.Two);
        await store.WriteAsync(later);

        SampleCheckpoints.AssertSame(later, (await store.ReadAsync())!);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_state_file_is_readable_and_writable_by_its_owner_only()
    {
        var path = _temp.File("dev.json");
        await File.WriteAllTextAsync(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await new LocalFileStateStore(path, Dev).WriteAsync(SampleCheckpoints.Two);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_new_state_file_is_created_readable_by_its_owner_only()
    {
        var path = _temp.File("dev.json");

        await new LocalFileStateStore(path, Dev).WriteAsync(SampleCheckpoints.Two);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_truncated_state_file_is_refused_with_PRV100_naming_the_file()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two);
        var bytes = await File.ReadAllBytesAsync(store.Path);
        await File.WriteAllBytesAsync(store.Path, bytes[..(bytes.Length / 2)]);

        var d = await RefusedAsync(() => NewStore().ReadAsync(), "PRV100", DiagnosticOrigin.Input);

        Assert.Equal(store.Path, d.Span.File);
        Assert.Contains("corrupt or truncated", d.Message, StringComparison.Ordinal);
        Assert.Contains("provision refresh", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty (0 bytes)")]
    [InlineData("garbage\n", "invalid")]
    [InlineData("\u0001\u0002\u0003", "invalid")]
    [InlineData("{\"version\":3}", "missing")]
    public async Task An_empty_or_garbage_state_file_is_refused_with_PRV100(string content, string reason)
    {
        await File.WriteAllTextAsync(_temp.File("dev.json"), content);

        var d = await RefusedAsync(() => NewStore().ReadAsync(), "PRV100", DiagnosticOrigin.Input);

        Assert.Contains(reason, d.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_state_file_with_a_wrong_checksum_is_refused_with_PRV101()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two);
        var text = await File.ReadAllTextAsync(store.Path);
        await File.WriteAllTextAsync(store.Path, text.Replace("\"sequence\":0", "\"sequence\":7", StringComparison.Ordinal));

        await RefusedAsync(() => NewStore().ReadAsync(), "PRV101", DiagnosticOrigin.Input);
    }

    [Fact]
    public async Task A_state_file_copied_from_another_stack_is_refused_naming_both_stacks()
    {
        await new LocalFileStateStore(_temp.File("prod.json"), Prod).WriteAsync(SampleCheckpoints.Two with { Stack = "prod", Resources = [] });
        File.Copy(_temp.File("prod.json"), _temp.File("dev.json"));

        var d = await RefusedAsync(() => NewStore().ReadAsync(), "PRV102", DiagnosticOrigin.Input);

        Assert.Contains(_temp.File("dev.json"), d.Message, StringComparison.Ordinal);
        Assert.Contains("belongs to stack 'prod' of project 'tenant-registrations', not to stack 'dev'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_file_relabelled_by_hand_is_refused_by_its_checksum()
    {
        await new LocalFileStateStore(_temp.File("prod.json"), Prod).WriteAsync(SampleCheckpoints.Two with { Stack = "prod", Resources = [] });
        var text = await File.ReadAllTextAsync(_temp.File("prod.json"));
        await File.WriteAllTextAsync(_temp.File("dev.json"), text.Replace("\"stack\":\"prod\"", "\"stack\":\"dev\"", StringComparison.Ordinal));

        await RefusedAsync(() => NewStore().ReadAsync(), "PRV101", DiagnosticOrigin.Input);
    }

    [Fact]
    public async Task A_state_file_of_another_project_is_refused()
    {
        await new LocalFileStateStore(_temp.File("dev.json")).WriteAsync(SampleCheckpoints.Two with { Project = "billing", Resources = [] });

        var d = await RefusedAsync(() => NewStore().ReadAsync(), "PRV102", DiagnosticOrigin.Input);

        Assert.Contains("project 'billing'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bound_store_refuses_to_write_another_stacks_checkpoint_and_writes_nothing()
    {
        using var store = NewStore();

        var d = await RefusedAsync(() => store.WriteAsync(SampleCheckpoints.Two with { Stack = "prod", Resources = [] }), "PRV112", DiagnosticOrigin.Input);

        Assert.Contains("stack 'prod'", d.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task A_version_1_state_file_is_refused_with_the_migration_to_run()
    {
        await File.WriteAllTextAsync(_temp.File("dev.json"), """{"version":1,"project":"tenant-registrations","stack":"dev","updated":"2025-03-14T15:09:26+00:00","resources":[]}""");

        var d = await RefusedAsync(() => NewStore().ReadAsync(), "PRV104", DiagnosticOrigin.Input);

        Assert.Contains("provision stack import", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_major_format_is_refused_naming_the_version_and_a_newer_minor_with_a_new_field_is_read()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two);
        var text = await File.ReadAllTextAsync(store.Path);
        await File.WriteAllTextAsync(store.Path, text.Replace("\"minor\":0,", "\"minor\":4,\"note\":\"x\",", StringComparison.Ordinal)[..^1] + ",\"written_by\":\"provision 9.0\"}");
        Assert.Equal(2, (await NewStore().ReadAsync())!.Resources.Length);

        await File.WriteAllTextAsync(_temp.File("dev.json"), """{"version":4,"project":"tenant-registrations","stack":"dev","resources":[]}""");
        var d = await RefusedAsync(() => NewStore().ReadAsync(), "PRV103", DiagnosticOrigin.Input);
        Assert.Contains("format version 4", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_leaves_no_temporary_file_behind()
    {
        using var store = NewStore();

        await store.WriteAsync(SampleCheckpoints.Two);
        await store.WriteAsync(SampleCheckpoints.Two with { Resources = SampleCheckpoints.Resources(5) });

        Assert.Equal(["dev.json"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_directory_where_the_state_file_should_be_is_an_environment_diagnostic_for_reads_and_writes()
    {
        var path = _temp.File("dev.json");
        Directory.CreateDirectory(path);

        var write = await RefusedAsync(() => NewStore().WriteAsync(SampleCheckpoints.Two), "PRV106", DiagnosticOrigin.Environment);
        var read = await RefusedAsync(() => NewStore().ReadAsync(), "PRV106", DiagnosticOrigin.Environment);

        Assert.Contains("is a directory", write.Message, StringComparison.Ordinal);
        Assert.Equal(path, read.Span.File);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task A_directory_where_the_journal_should_be_is_an_environment_diagnostic()
    {
        using var store = NewStore();
        await store.WriteAsync(SampleCheckpoints.Two);
        Directory.CreateDirectory(store.JournalPath);

        var read = await RefusedAsync(() => NewStore().ReadAsync(), "PRV106", DiagnosticOrigin.Environment);
        await RefusedAsync(() => NewStore().WriteAsync(SampleCheckpoints.Two), "PRV106", DiagnosticOrigin.Environment);
        await RefusedAsync(() => NewStore().AppendAsync([new JournalRecord(1, JournalRecordKind.Remove, SampleCheckpoints.Two.Resources[0].Id)]), "PRV106", DiagnosticOrigin.Environment);

        Assert.Equal(store.JournalPath, read.Span.File);
    }

    [UnixFact]
    public async Task A_dangling_symbolic_link_in_place_of_the_state_file_is_an_environment_diagnostic()
    {
        File.CreateSymbolicLink(_temp.File("dev.json"), _temp.File("gone.json"));

        var d = await RefusedAsync(() => NewStore().ReadAsync(), "PRV106", DiagnosticOrigin.Environment);

        Assert.Contains("symbolic link", d.Message, StringComparison.Ordinal);
        await RefusedAsync(() => NewStore().WriteAsync(SampleCheckpoints.Two), "PRV106", DiagnosticOrigin.Environment);
    }

    [UnixFact]
    public async Task A_symbolic_link_to_a_real_state_file_is_followed()
    {
        await new LocalFileStateStore(_temp.File("real.json"), Dev).WriteAsync(SampleCheckpoints.Two);
        File.CreateSymbolicLink(_temp.File("dev.json"), _temp.File("real.json"));

        SampleCheckpoints.AssertSame(SampleCheckpoints.Two, (await NewStore().ReadAsync())!);
    }

    [Fact]
    public async Task A_file_in_place_of_the_state_folder_is_an_environment_diagnostic_for_every_operation()
    {
        await File.WriteAllTextAsync(_temp.File(".provision"), "not a folder");
        using var store = new LocalFileStateStore(_temp.File(Path.Combine(".provision", "stacks", "p", "dev.json")), Dev);

        var read = await RefusedAsync(() => store.ReadAsync(), "PRV107", DiagnosticOrigin.Environment);
        await RefusedAsync(() => store.WriteAsync(SampleCheckpoints.Two), "PRV107", DiagnosticOrigin.Environment);
        await RefusedAsync(() => store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System)), "PRV107", DiagnosticOrigin.Environment);

        Assert.Equal(_temp.File(".provision"), read.Span.File);
        Assert.Contains("is a file, not a folder", read.Message, StringComparison.Ordinal);
    }

    [NotRootUnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_read_only_state_folder_is_an_environment_diagnostic()
    {
        var folder = _temp.File("ro");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            await RefusedAsync(() => new LocalFileStateStore(Path.Combine(folder, "dev.json"), Dev).WriteAsync(SampleCheckpoints.Two), "PRV107", DiagnosticOrigin.Environment);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task An_unbound_store_takes_the_identity_of_its_snapshot_and_refuses_a_journal_of_another_stack()
    {
        using var unbound = new LocalFileStateStore(_temp.File("dev.json"));
        await unbound.WriteAsync(SampleCheckpoints.Two);
        await File.WriteAllBytesAsync(unbound.JournalPath, JournalSerializer.Encode([new JournalRecord(1, JournalRecordKind.Remove, SampleCheckpoints.Two.Resources[0].Id)], Prod));

        var d = await RefusedAsync(() => new LocalFileStateStore(_temp.File("dev.json")).ReadAsync(), "PRV102", DiagnosticOrigin.Input);

        Assert.Contains("', record 1, belongs to stack 'prod'", d.Message, StringComparison.Ordinal);
        Assert.Null(unbound.Identity);
        Assert.Equal(Dev, NewStore().Identity);
    }

    [Fact]
    public void The_path_is_made_absolute()
    {
        using var store = new LocalFileStateStore(Path.Combine(".provision", "dev.json"), Dev);

        Assert.True(Path.IsPathFullyQualified(store.Path));
        Assert.EndsWith(Path.Combine(".provision", "dev.json"), store.Path, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Asserts the call fails with exactly one diagnostic of <paramref name="code"/> and <paramref name="origin"/>, and returns it.</summary>
    internal static async Task<Diagnostic> RefusedAsync(Func<Task> call, string code, DiagnosticOrigin origin)
    {
        var e = await Assert.ThrowsAsync<DiagnosticException>(call);
        var d = Assert.Single(e.Diagnostics);
        Assert.True(d.Code == code, $"{d.Code} instead of {code}: {d.Message}");
        Assert.Equal(origin, d.Origin);
        Assert.Equal(Severity.Error, d.Level);
        return d;
    }
}
