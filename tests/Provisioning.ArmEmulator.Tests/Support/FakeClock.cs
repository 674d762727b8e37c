using Microsoft.Extensions.Time.Testing;

namespace Provisioning.ArmEmulator.Tests;

/// <summary>A fake clock starting at a fixed instant, and a helper to drive requests that wait on it.</summary>
public static class FakeClock
{
    public static readonly DateTimeOffset Start = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider New() => new(Start);

    /// <summary>Advances the clock in steps until the request completes (a request waits on the fake clock only once it has arrived).</summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(FakeTimeProvider time, Task<T> request, TimeSpan step)
    {
        for (var i = 0; i < 500 && !request.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(request, Task.Delay(10));
        }

        return await request;
    }
}
