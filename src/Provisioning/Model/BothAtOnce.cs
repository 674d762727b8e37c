namespace Provisioning.Model;

/// <summary>
/// Two independent pieces of work over a large set (two indexes, two checks) run on two cores; below
/// <see cref="From"/> items they run one after the other, where starting a second thread costs more than it saves.
/// </summary>
internal static class BothAtOnce
{
    /// <summary>The size from which the two run at once.</summary>
    public const int From = 100_000;

    /// <summary>Runs <paramref name="first"/> and <paramref name="second"/>, at once when <paramref name="items"/> is at least <see cref="From"/>.</summary>
    public static void Run(int items, Action first, Action second)
    {
        if (items >= From)
        {
            Parallel.Invoke(first, second);
            return;
        }

        first();
        second();
    }
}
