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
