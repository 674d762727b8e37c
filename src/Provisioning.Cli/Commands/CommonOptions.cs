using System.CommandLine;
using Provisioning.Cli.Engine;
using Provisioning.Cli.Rendering;
using Provisioning.Engine;

namespace Provisioning.Cli.Commands;

/// <summary>The options preview, up, destroy and refresh share, declared once.</summary>
internal sealed class CommonOptions
{
    /// <summary>The stack to operate on.</summary>
    public Option<string> Stack { get; } = new("--stack", "-s")
    {
        Description = "The stack to operate on (reads Pulumi.<stack>.yaml).",
        Required = true,
    };

    /// <summary>The project directory.</summary>
    public Option<string> Cwd { get; } = new("--cwd", "-C")
    {
        Description = "Run as if started in this directory (where Pulumi.yaml is). Default: the current directory.",
    };

    /// <summary>Skip the confirmation prompt.</summary>
    public Option<bool> Yes { get; } = new("--yes", "-y")
    {
        Description = "Apply without asking. Required when not on an interactive terminal, and with --json.",
    };

    /// <summary>Fail with exit code 3 when anything would change.</summary>
    public Option<bool> ExpectNoChanges { get; } = new("--expect-no-changes")
    {
        Description = "Exit 3 (and change nothing) if any change is pending: a drift check for CI.",
    };

    /// <summary>Read actual state from ARM before planning.</summary>
    public Option<bool> Refresh { get; } = new("--refresh")
    {
        Description = "List what exists in ARM before planning (default: true; drift is common for tenant mappings). --refresh=false or --refresh false trusts the state file.",
        DefaultValueFactory = _ => true,
    };

    /// <summary>Requests in flight at once.</summary>
    public Option<int> Parallel { get; } = new("--parallel", "-p")
    {
        Description = "Requests in flight at once, 1 to 1000 (default 20, sized for ARM's 10 writes/s refill, not for CPUs).",
        DefaultValueFactory = _ => 20,
        CustomParser = ParseParallel,
    };

    /// <summary>Also list unchanged resources.</summary>
    public Option<bool> ShowSame { get; } = new("--show-same")
    {
        Description = "Also list the mappings that are already as desired.",
    };

    /// <summary>Machine-readable output.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document on standard output (docs/json-output.md, format_version 1.3), also when the run stops on an error (status errored); human text goes to standard error.",
    };

    /// <summary>The Markdown report.</summary>
    public Option<string> Markdown { get; } = new("--markdown")
    {
        Description = "Write the run as Markdown to FILE (replaced): counts, refusals, drift, deletes with their billing, changes by registration, full ARM ids. With GITHUB_STEP_SUMMARY set, the same Markdown is appended to the job summary anyway.",
    };

    /// <summary>ARM ids on step lines.</summary>
    public Option<bool> ShowIds { get; } = new("--show-ids")
    {
        Description = "Show the full ARM id of every mapping in the plan and progress lines (default: its URN name and tenant, under a header per registration).",
    };

    /// <summary>Property-level before/after.</summary>
    public Option<bool> Diff { get; } = new("--diff")
    {
        Description = "Show every property of every change, before and after.",
    };

    /// <summary>Restrict to some resources.</summary>
    public Option<string[]> Target { get; } = new("--target", "-t")
    {
        Description = "Only touch resources whose URN or ARM id matches (* matches anything; repeatable). Other resources are left alone.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Delete unmanaged mappings too.</summary>
    public Option<bool> Prune { get; } = new("--prune")
    {
        Description = "Also delete mappings that exist in ARM under a managed registration but are in no stack of the project and not in the state. Preview always lists them (marked ?).",
    };

    /// <summary>preview, up: allow removing more than half of the managed mappings.</summary>
    public Option<bool> AllowMassDelete { get; } = new("--allow-mass-delete")
    {
        Description = "Allow a plan that removes (deletes or overwrites) at least 2 mappings and more than half of those the stack manages; without it, up refuses (exit 2) and preview says so. destroy never needs it.",
    };

    /// <summary>preview: save the plan.</summary>
    public Option<string> SavePlan { get; } = new("--save-plan")
    {
        Description = "Write the plan to FILE, for 'up --plan FILE' to apply exactly it.",
    };

    /// <summary>up: apply a saved plan.</summary>
    public Option<string> PlanFile { get; } = new("--plan")
    {
        Description = "Apply the plan saved by 'preview --save-plan FILE'; refused (exit 1) if Azure, the state or the stack changed since.",
    };

    /// <summary>preview, up: --expect-no-changes also fails on unmanaged mappings.</summary>
    public Option<bool> FailOnUnmanaged { get; } = new("--fail-on-unmanaged")
    {
        Description = "With --expect-no-changes: also exit 3 when a registration holds mappings no stack manages (marked ?), not only on pending changes. For the drift job.",
    };

    /// <summary>up, destroy: keep local state in CI.</summary>
    public Option<bool> AllowLocalState { get; } = new("--allow-local-state")
    {
        Description = "In CI (CI set), up and destroy refuse a project with no backend: the state would stay on the runner. Allow it (a runner that keeps its files).",
    };

    /// <summary>Adds the options that make sense for the verb.</summary>
    public void AddTo(Command command, RunKind kind)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Stack);
        command.Options.Add(Cwd.MustBeExistingFolder());
        if (kind != RunKind.Preview)
        {
            command.Options.Add(Yes);
        }

        command.Options.Add(ExpectNoChanges);
        command.Options.Add(Json);
        command.Options.Add(Diff);
        command.Options.Add(ShowSame);
        command.Options.Add(ShowIds);
        command.Options.Add(Markdown.MustBeWritableFile());
        if (kind == RunKind.Refresh)
        {
            return;
        }

        command.Options.Add(Refresh);
        command.Options.Add(Parallel);
        command.Options.Add(Target);
        if (kind != RunKind.Destroy)
        {
            command.Options.Add(Prune);
            command.Options.Add(AllowMassDelete);
            command.Options.Add(FailOnUnmanaged);
            FailOnUnmanaged.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<bool>() && result.GetResult(ExpectNoChanges) is null)
                {
                    result.AddError("--fail-on-unmanaged only changes what --expect-no-changes counts; give both.");
                }
            });
        }
        else
        {
            command.Options.Add(AllowLocalState);
        }

        if (kind == RunKind.Up)
        {
            command.Options.Add(AllowLocalState);
        }

        if (kind == RunKind.Preview)
        {
            command.Options.Add(SavePlan.MustBeWritableFile());
        }

        if (kind == RunKind.Up)
        {
            command.Options.Add(PlanFile.MustBeExistingFile());
        }

        Target.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>() is { } targets && targets.Any(string.IsNullOrWhiteSpace))
            {
                result.AddError("--target needs a URN or an ARM id (with * wildcards).");
            }
        });
    }

    /// <summary>--parallel: a whole number from 1 to 1000; anything else is a parse error, never an exception.</summary>
    private static int ParseParallel(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 1000)
        {
            return value;
        }

        result.AddError($"--parallel must be a whole number from 1 to 1000, not '{Diagnostics.DiagnosticCatalog.Excerpt(text, 40)}'.");
        return 20;
    }

    /// <summary>Reads how the run is to be shown: <c>--show-ids</c>, <c>--markdown</c>, and the job summary GitHub Actions names in <paramref name="stepSummary"/> (an empty value: none).</summary>
    public RenderingOptions ReadRendering(ParseResult parse, string? stepSummary)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var markdown = parse.GetResult(Markdown) is null ? null : parse.GetValue(Markdown);
        return new RenderingOptions(
            parse.GetResult(ShowIds) is not null && parse.GetValue(ShowIds),
            string.IsNullOrEmpty(markdown) ? null : Path.GetFullPath(markdown),
            string.IsNullOrWhiteSpace(stepSummary) ? null : stepSummary);
    }

    /// <summary>Reads the parsed values.</summary>
    public OperationOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var cwd = parse.GetValue(Cwd);
        return new OperationOptions(
            parse.GetValue(Stack)!,
            Path.GetFullPath(string.IsNullOrEmpty(cwd) ? Directory.GetCurrentDirectory() : cwd),
            new RunOptions
            {
                Yes = parse.GetResult(Yes) is not null && parse.GetValue(Yes),
                ExpectNoChanges = parse.GetValue(ExpectNoChanges),
                Refresh = parse.GetResult(Refresh) is null || parse.GetValue(Refresh),
                Parallelism = parse.GetResult(Parallel) is null ? 20 : parse.GetValue(Parallel),
                Targets = parse.GetResult(Target) is null ? [] : parse.GetValue(Target) ?? [],
                Prune = parse.GetResult(Prune) is not null && parse.GetValue(Prune),
                AllowMassDelete = parse.GetResult(AllowMassDelete) is not null && parse.GetValue(AllowMassDelete),
                SavePlan = parse.GetResult(SavePlan) is null ? null : parse.GetValue(SavePlan),
                PlanFile = parse.GetResult(PlanFile) is null ? null : parse.GetValue(PlanFile),
                FailOnUnmanaged = parse.GetResult(FailOnUnmanaged) is not null && parse.GetValue(FailOnUnmanaged),
                AllowLocalState = parse.GetResult(AllowLocalState) is not null && parse.GetValue(AllowLocalState),

                // The executor abandons requests still in flight well before the process-level bound, so that it saves and unlocks first.
                DrainTimeout = ProcessSignals.DefaultDrainBound - TimeSpan.FromSeconds(10),
            })
        {
            Json = parse.GetValue(Json),
            Diff = parse.GetValue(Diff),
            ShowSame = parse.GetValue(ShowSame),
        };
    }
}
