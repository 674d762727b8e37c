using Provisioning.State;

namespace Provisioning.Tests.State;

public sealed class LocalFileStateStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_checkpoint_written_to_a_file_reads_back_the_same()
    {
        var store = new LocalFileStateStore(_temp.File("dev.json"));

        await store.WriteAsync(SampleCheckpoints.Two);
        var read = await store.ReadAsync();

        Assert.NotNull(read);
        SampleCheckpoints.AssertSame(SampleCheckpoints.Two, read);
    }

    [Fact]
    public async Task A_stack_never_deployed_has_no_checkpoint()
    {
        var store = new LocalFileStateStore(_temp.File("never.json"));

        Assert.Null(await store.ReadAsync());
    }

    [Fact]
    public async Task Writing_creates_the_missing_directories()
    {
        var path = _temp.File(Path.Combine(".provision", "stacks", "dev.json"));

        await new LocalFileStateStore(path).WriteAsync(SampleCheckpoints.Two);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_second_write_replaces_the_first()
    {
        var store = new LocalFileStateStore(_temp.File("dev.json"));
        var later = SampleCheckpoints.Two with { Updated = SampleCheckpoints.Two.Updated.AddHours(1), Resources = SampleCheckpoints.Resources(3) };

        await store.WriteAsync(SampleCheckpoints.Two);
        await store.WriteAsync(later);

        SampleCheckpoints.AssertSame(later, (await store.ReadAsync())!);
    }

    [Fact]
    public async Task The_state_file_is_readable_and_writable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only.
        }

        var path = _temp.File("dev.json");
        await File.WriteAllTextAsync(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await new LocalFileStateStore(path).WriteAsync(SampleCheckpoints.Two);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_new_state_file_is_created_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only.
        }

        var path = _temp.File("dev.json");

        await new LocalFileStateStore(path).WriteAsync(SampleCheckpoints.Two);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task A_truncated_state_file_is_refused_with_an_error_naming_the_file()
    {
        var path = _temp.File("dev.json");
        var store = new LocalFileStateStore(path);
        await store.WriteAsync(SampleCheckpoints.Two);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadAsync());

        Assert.Contains(store.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt or truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_leaves_no_temporary_file_behind()
    {
        var store = new LocalFileStateStore(_temp.File("dev.json"));

        await store.WriteAsync(SampleCheckpoints.Two);
        await store.WriteAsync(SampleCheckpoints.Two with { Resources = SampleCheckpoints.Resources(5) });

        Assert.Equal(["dev.json"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_write_that_fails_leaves_no_temporary_file_behind()
    {
        // The state path is taken by a directory, so the final rename fails.
        var path = _temp.File("dev.json");
        Directory.CreateDirectory(path);

        await Assert.ThrowsAnyAsync<IOException>(() => new LocalFileStateStore(path).WriteAsync(SampleCheckpoints.Two));

        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void The_path_is_made_absolute()
    {
        var store = new LocalFileStateStore(Path.Combine(".provision", "dev.json"));

        Assert.True(Path.IsPathFullyQualified(store.Path));
        Assert.EndsWith(Path.Combine(".provision", "dev.json"), store.Path, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
