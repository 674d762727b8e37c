using Provisioning.Programs;

namespace Provisioning.Sdk;

/// <summary>
/// The state of one program run: its settings, the resources registered and the problems met. The current one flows
/// with the program's async calls (an <see cref="AsyncLocal{T}"/>), so runs in parallel (tests) never mix.
/// </summary>
internal sealed class DeploymentContext(ProgramSettings settings)
{
    private static readonly AsyncLocal<DeploymentContext?> CurrentRun = new();

    private readonly Lock _lock = new();
    private readonly List<Resource> _resources = [];
    private readonly List<ProgramProblem> _problems = [];
    private bool _closed;

    public ProgramSettings Settings => settings;

    public static DeploymentContext? Current
    {
        get => CurrentRun.Value;
        set => CurrentRun.Value = value;
    }

    /// <summary>The current run, or an exception naming <paramref name="what"/> when no program is running.</summary>
    public static DeploymentContext Require(string what) =>
        CurrentRun.Value ?? throw new InvalidOperationException($"{what} can only be used inside the program that Deployment.RunAsync runs.");

    public void Register(Resource resource)
    {
        lock (_lock)
        {
            // A resource declared by a task the program left running would silently miss the message: refuse it.
            if (_closed)
            {
                throw new InvalidOperationException($"The resource '{resource.Name}' is declared after the program returned; await every task that declares resources before returning.");
            }

            _resources.Add(resource);
        }
    }

    public void Report(ProgramProblem problem)
    {
        lock (_lock)
        {
            _problems.Add(problem);
        }
    }

    public ProgramMessage ToMessage(IReadOnlyList<ProgramOutput> outputs)
    {
        lock (_lock)
        {
            _closed = true;
            return new ProgramMessage(
                ProgramMessage.CurrentFormat,
                settings.Project,
                settings.Stack,
                settings.Preview,
                [.. _resources.Select(r => r.ToMessage())],
                outputs,
                [.. _problems])
            {
                Sdk = typeof(DeploymentContext).Assembly.GetName().Version?.ToString(3),
            };
        }
    }
}
