using Provisioning.State;

namespace Provisioning.Tests.State;

public sealed class FileLockTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private LocalFileStateStore NewStore() => new(_temp.File("dev.json"));

    [Fact]
    public async Task A_second_lock_fails_at_once_naming_the_holder()
    {
        using var first = NewStore();
        var holder = LockInfo.ForCurrentProcess("up", TimeProvider.System);
        await using var held = await first.AcquireLockAsync(holder);

        using var second = NewStore();
        var e = await Assert.ThrowsAsync<StackLockedException>(() => second.AcquireLockAsync(LockInfo.ForCurrentProcess("destroy", TimeProvider.System)));

        Assert.Equal(holder.Id, e.Holder!.Id);
        Assert.Contains(Environment.MachineName, e.Message, StringComparison.Ordinal);
        Assert.Contains(holder.Id, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_left_by_a_dead_process_on_this_host_is_taken_over_and_reported()
    {
        using var store = NewStore();
        var dead = await DeadProcessIdAsync();
        var stale = new LockInfo("stale-lock", Environment.MachineName, dead, "someone", DateTimeOffset.UnixEpoch, "up");
        await File.WriteAllBytesAsync(store.LockPath, LockInfoJson.Encode(stale));

        await using var held = await store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System));

        Assert.Equal("stale-lock", store.TakenOverLock?.Id);
        Assert.NotEqual("stale-lock", (await store.ReadLockAsync())!.Id);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(store.LockPath)!, "*.lock*"));
    }

    [Fact]
    public async Task A_lock_of_a_live_process_or_another_host_is_never_taken_over()
    {
        foreach (var holder in new[]
        {
            new LockInfo("live", Environment.MachineName, Environment.ProcessId, "me", DateTimeOffset.UnixEpoch, "up"),
            new LockInfo("elsewhere", "another-host", await DeadProcessIdAsync(), "them", DateTimeOffset.UnixEpoch, "up"),
        })
        {
            using var store = NewStore();
            await File.WriteAllBytesAsync(store.LockPath, LockInfoJson.Encode(holder));

            var e = await Assert.ThrowsAsync<StackLockedException>(() => store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System)));

            Assert.Equal(holder.Id, e.Holder!.Id);
            Assert.Null(store.TakenOverLock);
            File.Delete(store.LockPath);
        }
    }

    /// <summary>The id of a process that has exited (a short-lived child, waited for).</summary>
    private static async Task<int> DeadProcessIdAsync()
    {
        using var child = System.Diagnostics.Process.Start("true")!;
        await child.WaitForExitAsync();
        return child.Id;
    }

    [Fact]
    public async Task Releasing_the_lock_lets_the_next_run_take_it()
    {
        using var store = NewStore();
        await (await store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System))).DisposeAsync();

        await using var again = await store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System));

        Assert.NotNull(await store.ReadLockAsync());
    }

    [Fact]
    public async Task Force_unlock_releases_only_the_lock_with_the_given_id()
    {
        using var store = NewStore();
        var holder = LockInfo.ForCurrentProcess("up", TimeProvider.System);
        await store.AcquireLockAsync(holder);

        Assert.Null(await store.BreakLockAsync(Guid.NewGuid().ToString("N")));
        Assert.Equal(holder, await store.BreakLockAsync(holder.Id));
        Assert.Null(await store.ReadLockAsync());
    }

    public void Dispose() => _temp.Dispose();
}
