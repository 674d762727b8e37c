using Provisioning.Model;
using Provisioning.Planning;

namespace Provisioning.Engine;

/// <summary>Writes and checks plan files (<c>preview --save-plan</c>, <c>up --plan</c>).</summary>
internal static class SavedPlans
{
    /// <summary>The saved form of a plan made with these options against <paramref name="actual"/>.</summary>
    public static SavedPlan Create(string project, string stack, RunOptions options, Plan plan, IReadOnlyCollection<ObservedResource>? actual) =>
        new(
            SavedPlan.CurrentFormatVersion,
            project,
            stack,
            "up",
            DateTimeOffset.UtcNow,
            [.. options.Targets],
            options.Prune,
            options.Refresh,
            SavedPlan.StepsOf(plan),
            PlanFingerprint.Compute(plan, actual));

    /// <summary>Reads a plan file; throws <see cref="InvalidDataException"/> when it is missing or not a plan.</summary>
    public static SavedPlan Read(string path, Provisioning.State.StateIdentity expected)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the plan file: {e.Message}", e);
        }

        return SavedPlanSerializer.Read(text, path, expected);
    }

    /// <summary>
    /// Why the fresh plan is not the saved one, or null when they match: Azure changed under the affected ids
    /// (the fingerprint), or the stack or the state changed (the steps).
    /// </summary>
    public static string? Difference(SavedPlan saved, Plan fresh, IReadOnlyCollection<ObservedResource>? actual)
    {
        var fingerprint = PlanFingerprint.Compute(saved.Steps.Select(s => Model.ArmResourceId.Parse(s.Id)), actual);
        var steps = SavedPlan.StepsOf(fresh);
        if (fingerprint != saved.ActualFingerprint)
        {
            return "Azure changed since the plan was saved: the mappings it touches are no longer as they were at preview.";
        }

        if (steps.Length != saved.Steps.Length || steps.Where((s, i) => !s.SameAs(saved.Steps[i])).Any())
        {
            var added = steps.Where(s => !saved.Steps.Any(s.SameAs)).Select(Describe);
            var gone = saved.Steps.Where(s => !steps.Any(s.SameAs)).Select(Describe);
            return $"the stack, the state or Azure changed since the plan was saved; now planned but not saved: [{string.Join(", ", added)}]; saved but no longer planned: [{string.Join(", ", gone)}].";
        }

        return null;
    }

    private static string Describe(SavedStep step) => $"{step.Action} {step.Address[(step.Address.LastIndexOf("::", StringComparison.Ordinal) + 2)..]}";
}
