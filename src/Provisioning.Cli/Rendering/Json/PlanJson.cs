using System.Globalization;
using System.Text.Json;
using Provisioning.Diagnostics;
using Provisioning.Engine;
using Provisioning.Execution;
using Provisioning.Planning;
using Provisioning.Programs;
using Spectre.Console;

namespace Provisioning.Cli.Rendering.Json;

/// <summary>Builds the <see cref="PlanDocument"/> of a plan (and of its apply) and writes it, raw, to standard output.</summary>
internal static class PlanJson
{
    private static readonly JsonElement NullValue = ParseNull();

    /// <summary>The document of a run that returned a result, written at <paramref name="timestamp"/>.</summary>
    public static PlanDocument Build(StackRunResult run, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Build(Operation(run.Kind), run.Project, run.Stack, run.Plan, run.Warnings, run.Execution, run.Outputs) with
        {
            Timestamp = Timestamp(timestamp),
            Status = RunStatus.Of(run.Outcome),
            ResourceDrift = [.. run.Drift.Select(Drift)],
            Diagnostics = [.. run.Diagnostics.Select(DiagnosticEntry.Of)],
        };
    }

    /// <summary>
    /// The document of a plan of a run that completed, written now; with <paramref name="result"/>, every change also
    /// carries its outcome; with <paramref name="outputs"/> (a program's), the stack outputs, a secret without its value.
    /// </summary>
    public static PlanDocument Build(string operation, string project, string stack, Plan plan, IReadOnlyList<string> warnings, ExecutionResult? result = null, IReadOnlyList<ProgramOutput>? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(warnings);
        var outcomes = new Dictionary<Step, StepEvent>(ReferenceEqualityComparer.Instance);
        foreach (var o in result?.Outcomes ?? [])
        {
            outcomes[o.Step] = o;
        }

        var changes = plan.Steps.Select(s => Change(Annotated(plan, s), outcomes.GetValueOrDefault(s), result is not null)).ToList();

        // An adoption sends no request: like Terraform's import it is a no-op action, with action_reason "adopt".
        // Deletes count every mapping the plan removes, the overwritten ones included.
        var summary = new ChangeSummary(
            plan.Count(StepKind.Create),
            plan.Count(StepKind.Update),
            plan.Removals,
            plan.Count(StepKind.Forget),
            plan.Count(StepKind.Same) + plan.Count(StepKind.Adopt),
            plan.Unmanaged.Length,
            plan.HasChanges,
            plan.Count(StepKind.Adopt));
        var outcome = result is null
            ? null
            : new ApplyOutcome(result.Succeeded, result.Failed, result.Outcomes.Count(o => o.Status == StepStatus.Skipped), result.Cancelled);
        return new PlanDocument(
            PlanDocument.CurrentFormatVersion,
            ProductVersionAction.Version,
            Timestamp(TimeProvider.System.GetUtcNow()),
            RunStatus.Of(RunOutcome.Succeeded),
            operation,
            project,
            stack,
            changes,
            [],
            [.. plan.Unmanaged.Select(s => Change(Annotated(plan, s), null, false))],
            warnings,
            [.. plan.Errors],
            [],
            summary,
            outcome,
            Outputs(outputs));
    }

    /// <summary>The document of a run that stopped on <paramref name="diagnostics"/> before it had a result (<c>status: errored</c>).</summary>
    public static ErrorDocument Errored(RunKind kind, string stack, IEnumerable<Diagnostic> diagnostics, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return new ErrorDocument(
            PlanDocument.CurrentFormatVersion,
            ProductVersionAction.Version,
            Timestamp(timestamp),
            RunStatus.Errored,
            Operation(kind),
            stack,
            [.. diagnostics.Select(DiagnosticEntry.Of)]);
    }

    /// <summary>The <c>operation</c> of a verb: <c>preview</c>, <c>up</c>, <c>destroy</c>, <c>refresh</c>.</summary>
    public static string Operation(RunKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>UTC, ISO 8601, to the second: <c>2026-11-30T12:27:09Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ResourceDrift Drift(DriftedResource drift) => new(
        drift.Urn.Value,
        drift.Id.ToString(),
        drift.Deleted ? "delete" : "update",
        [.. drift.Diffs.Select(d => new PropertyChange(d.Name, d.Before, d.After))]);

    private static JsonElement ParseNull()
    {
        using var document = JsonDocument.Parse("null");
        return document.RootElement.Clone();
    }

    /// <summary>The outputs by name in the program's order; a secret has no value, a null value is written as null.</summary>
    private static Dictionary<string, StackOutput>? Outputs(IReadOnlyList<ProgramOutput>? outputs)
    {
        if (outputs is null)
        {
            return null;
        }

        var byName = new Dictionary<string, StackOutput>(StringComparer.Ordinal);
        foreach (var o in outputs)
        {
            byName[o.Name] = o.Secret ? new StackOutput(true, null) : new StackOutput(false, o.Value ?? NullValue);
        }

        return byName;
    }

    /// <summary>Writes the document as the only thing on standard output (no markup, no wrapping).</summary>
    public static void Write(IAnsiConsole output, PlanDocument document) => WriteRaw(output, Serialize(document));

    /// <summary>Writes the document of a run that stopped on an error as the only thing on standard output.</summary>
    public static void Write(IAnsiConsole output, ErrorDocument document) => WriteRaw(output, JsonSerializer.Serialize(document, CliJsonContext.Default.ErrorDocument));

    /// <summary>The document as indented JSON.</summary>
    public static string Serialize(PlanDocument document) => JsonSerializer.Serialize(document, CliJsonContext.Default.PlanDocument);

    private static void WriteRaw(IAnsiConsole output, string json)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = output.Profile.Out.Writer;
        writer.Write(json);
        writer.Write('\n');
        writer.Flush();
    }

    /// <summary>Terraform's action name of a step kind.</summary>
    public static string Action(StepKind kind) => kind switch
    {
        StepKind.Create => "create",
        StepKind.Update => "update",
        StepKind.Delete => "delete",
        StepKind.Forget => "forget",
        _ => "no-op",
    };

    /// <summary>The step with a note naming the PUTs that overwrite it or that it overwrites, when there are any.</summary>
    private static Step Annotated(Plan plan, Step step)
    {
        var notes = plan.Overwrites
            .Where(o => o.Removed.Id == step.Id && !o.SameResource).Select(o => $"overwritten by the PUT of {o.By.Id}")
            .Concat(plan.Overwrites.Where(o => ReferenceEquals(o.By, step)).Select(o => $"overwrites {OverwriteGuard.Describe(o)}"))
            .ToList();
        return notes.Count == 0 ? step : step with { Note = string.Join("; ", step.Note is null ? notes : [step.Note, .. notes]) };
    }

    private static ResourceChange Change(Step step, StepEvent? outcome, bool applied)
    {
        var reason = step.Pruned ? "prune"
            : step.Note is null ? null
            : step.Note.StartsWith("exists in Azure", StringComparison.Ordinal) ? "adopt"
            : step.Kind == StepKind.Create || step.Note.Contains("drift", StringComparison.Ordinal) ? "drift"
            : null;
        StepOutcome? done = null;
        if (applied)
        {
            done = outcome is null
                ? new StepOutcome("skipped", null)
                : new StepOutcome(outcome.Status.ToString().ToLowerInvariant(), outcome.Error);
        }

        return new ResourceChange(
            step.Urn.Value,
            step.Id.ToString(),
            step.Desired?.Type ?? step.Current?.Type ?? step.Id.ResourceType,
            step.Urn.Name,
            new Change([Action(step.Kind)], step.Current?.Properties, step.Desired?.Properties),
            reason,
            step.Note,
            done);
    }
}
