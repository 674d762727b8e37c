using System.Text.Json;

namespace CrashTest;

/// <summary>What must hold after the run that follows a kill.</summary>
internal static class Check
{
    /// <summary>
    /// Every problem found: a failed run, emulator content ≠ desired, a duplicate mapping, state ≠ emulator,
    /// pending operations or journal records left behind. Empty when the run converged.
    /// </summary>
    public static async Task<List<string>> ConvergedAsync(RunResult run, DesiredStack stack, EmulatorProcess emulator, string directory)
    {
        var problems = new List<string>();
        if (run.ExitCode != 0)
        {
            problems.Add($"up exited {run.ExitCode}: {Last(run.Error)}");
        }

        var desired = stack.Mappings();
        var held = await emulator.MappingsAsync();
        var actual = held.Select(Normal).ToHashSet();
        if (actual.Count != held.Count)
        {
            problems.Add($"{held.Count - actual.Count} duplicated mapping(s) in the emulator");
        }

        var lost = desired.Except(actual).Count();
        var extra = actual.Except(desired).Count();
        if (lost + extra > 0)
        {
            problems.Add($"emulator ≠ desired: {lost} missing, {extra} not desired");
        }

        var state = ReadState(Path.Combine(directory, ".provision", "stacks", "crash", "crash.json"), out var pending);
        var recorded = state.ToHashSet();
        if (recorded.Count != state.Count)
        {
            problems.Add($"{state.Count - recorded.Count} duplicated resource(s) in the state");
        }

        if (!recorded.SetEquals(actual))
        {
            problems.Add($"state ≠ emulator: {actual.Except(recorded).Count()} unrecorded, {recorded.Except(actual).Count()} recorded but absent");
        }

        if (pending > 0)
        {
            problems.Add($"{pending} pending operation(s) left in the state");
        }

        return problems;
    }

    private static List<(string, string, string)> ReadState(string path, out int pending)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        pending = document.RootElement.TryGetProperty("pending", out var p) ? p.GetArrayLength() : 0;
        var resources = new List<(string, string, string)>();
        foreach (var r in document.RootElement.GetProperty("resources").EnumerateArray())
        {
            // …/registrations/{name}/customerSubscriptions/{subscription}
            var segments = r.GetProperty("id").GetString()!.Split('/');
            var tenant = r.GetProperty("properties").GetProperty("tenantId").GetString()!;
            resources.Add(Normal((segments[^3], segments[^1], tenant)));
        }

        return resources;
    }

    private static (string, string, string) Normal((string Registration, string Subscription, string Tenant) m) =>
        (m.Registration.ToLowerInvariant(), m.Subscription.ToLowerInvariant(), m.Tenant.ToLowerInvariant());

    private static string Last(string error) => error.Trim().Split('\n').LastOrDefault() ?? string.Empty;
}
