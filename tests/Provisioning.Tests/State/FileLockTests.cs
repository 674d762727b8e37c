using System.Collections.Concurrent;
using Provisioning.Diagnostics;
using Provisioning.State;

namespace Provisioning.Tests.State;

public sealed class FileLockTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private LocalFileStateStore NewStore() => new(_temp.File("dev.json"), new StateIdentity("tenant-registrations", "dev"));

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

    [Fact]
    public async Task Many_concurrent_acquirers_never_see_anything_but_the_lock_or_a_named_holder()
    {
        // Each round, eight stores (as eight runs would) race for the lock; the winner releases it at once, so
        // releases fall between other runs' create attempts and their reads of the holder.
        var failures = new ConcurrentQueue<Exception>();
        var holders = 0;
        var maxHolders = 0;
        var won = 0;
        for (var round = 0; round < 40; round++)
        {
            var runs = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                using var store = NewStore();
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    try
                    {
                        await using (await store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System)))
                        {
                            var now = Interlocked.Increment(ref holders);
                            InterlockedMax(ref maxHolders, now);
                            Interlocked.Increment(ref won);
                            Interlocked.Decrement(ref holders);
                        }
                    }
                    catch (StackLockedException e) when (e.Holder is { IsUnknown: false, ProcessId: > 0 })
                    {
                        // Expected: another run holds it, and it is named.
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                    }
                }
            }));
            await Task.WhenAll(runs);
        }

        Assert.Empty(failures);
        Assert.Equal(1, maxHolders);
        Assert.True(won > 0);
        Assert.False(File.Exists(_temp.File("dev.lock")));
    }

    [Fact]
    public async Task A_lock_that_vanishes_between_the_create_attempt_and_the_read_of_its_holder_is_taken_on_retry()
    {
        // Another run has created the lock but not yet written it; then it gives up and the file goes away.
        using var store = NewStore();
        await File.WriteAllBytesAsync(store.LockPath, []);

        var acquiring = store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System));
        File.Delete(store.LockPath);

        await using var held = await acquiring;
        Assert.Equal("up", (await store.ReadLockAsync())!.Operation);
    }

    [Fact]
    public async Task A_lock_read_while_its_holder_is_still_writing_it_names_the_holder_once_written()
    {
        using var store = NewStore();
        var holder = LockInfo.ForCurrentProcess("up", TimeProvider.System);
        await File.WriteAllBytesAsync(store.LockPath, []);

        var reading = store.ReadLockAsync();
        await File.WriteAllBytesAsync(store.LockPath, LockInfoJson.Encode(holder));

        Assert.Equal(holder.Id, (await reading)!.Id);
    }

    [Fact]
    public async Task A_lock_left_empty_by_a_run_that_died_while_writing_it_is_named_as_unknown_for_people()
    {
        using var store = NewStore();
        await File.WriteAllBytesAsync(store.LockPath, "{\"id\":"u8.ToArray());

        var e = await Assert.ThrowsAsync<StackLockedException>(() => store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System)));

        Assert.True(e.Holder!.IsUnknown);
        Assert.Contains("an unknown run: the lock file is empty or unreadable", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("process 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_holder_is_printed_for_people_with_an_iso_8601_time_and_no_record_syntax()
    {
        var holder = new LockInfo("3f2a", "build-7", 4242, "alice", new DateTimeOffset(2026, 11, 30, 10, 12, 0, TimeSpan.FromHours(1)), "up");

        Assert.Equal("host build-7, process 4242, user alice, `up` since 2026-11-30T09:12:00Z (lock id 3f2a)", holder.Describe());
        Assert.Equal(holder.Describe(), holder.ToString());
        Assert.Equal(holder.Describe(), $"{holder}");
        Assert.Contains(holder.Describe(), new StackLockedException("dev", holder).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_in_place_of_the_lock_file_is_an_environment_diagnostic_not_a_crash()
    {
        using var store = NewStore();
        Directory.CreateDirectory(store.LockPath);

        var acquire = await LocalFileStateStoreTests.RefusedAsync(() => store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System)), "PRV108", DiagnosticOrigin.Environment);
        await LocalFileStateStoreTests.RefusedAsync(() => store.ReadLockAsync(), "PRV108", DiagnosticOrigin.Environment);
        await LocalFileStateStoreTests.RefusedAsync(() => store.BreakLockAsync(null), "PRV108", DiagnosticOrigin.Environment);

        Assert.Equal(store.LockPath, acquire.Span.File);
        Assert.Contains("is a directory", acquire.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(store.LockPath));
    }

    [UnixFact]
    public async Task A_dangling_symbolic_link_in_place_of_the_lock_file_is_an_environment_diagnostic()
    {
        using var store = NewStore();
        File.CreateSymbolicLink(store.LockPath, _temp.File("gone.lock"));

        await LocalFileStateStoreTests.RefusedAsync(() => store.AcquireLockAsync(LockInfo.ForCurrentProcess("up", TimeProvider.System)), "PRV108", DiagnosticOrigin.Environment);
    }

    public void Dispose() => _temp.Dispose();

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }
}
