using Provisioning.Diagnostics;
using System.Reflection;
using Provisioning.Programs;

namespace Provisioning.Sdk;

/// <summary>
/// Runs a program in this process and hands its message to a sink: what <see cref="Deployment.RunAsync(Func{IDictionary{string, object}})"/>
/// does under the engine, usable directly with a <see cref="MemoryProgramMessageSink"/> (inline programs, tests).
/// </summary>
/// <param name="settings">The project, stack and config the program sees.</param>
/// <param name="sink">Where the message goes.</param>
public sealed class ProgramHost(ProgramSettings settings, IProgramMessageSink sink)
{
    private const int MaxStackTrace = 8000;
    private const int MaxMessage = 2000;

    /// <summary>Runs <paramref name="program"/>; returns the exit code (<see cref="ProgramExitCodes"/>).</summary>
    public Task<int> RunAsync(Func<IDictionary<string, object?>> program, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        return RunAsync(() => Task.FromResult(program()), cancellationToken);
    }

    /// <summary>Runs the stack class <typeparamref name="TStack"/>; its <see cref="OutputAttribute"/> properties are the outputs.</summary>
    public Task<int> RunAsync<TStack>(CancellationToken cancellationToken = default)
        where TStack : Stack, new() =>
        RunAsync(async () => await StackOutputs.ReadAsync(new TStack()), cancellationToken);

    /// <summary>Runs <paramref name="program"/>; returns the exit code (<see cref="ProgramExitCodes"/>).</summary>
    public async Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> program, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        var context = new DeploymentContext(settings);
        IReadOnlyList<ProgramOutput> outputs = [];
        var previous = DeploymentContext.Current;
        DeploymentContext.Current = context;
        try
        {
            var returned = await program() ?? new Dictionary<string, object?>();
            outputs = OutputCollector.Collect(returned, context);
        }
#pragma warning disable CA1031 // Whatever the program throws is the program's problem: it goes into the message, never crashes the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context.Report(ProblemOf(Unwrap(e)));
        }
        finally
        {
            DeploymentContext.Current = previous;
        }

        var message = context.ToMessage(outputs);
        try
        {
            await sink.WriteAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"The program could not hand its resources to provision: {e.Message}");
            return ProgramExitCodes.MessageNotWritten;
        }

        return message.Problems.Count == 0 ? ProgramExitCodes.Success : ProgramExitCodes.ProblemsReported;
    }

    private static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions: [var single] } => Unwrap(single),
        _ => e,
    };

    private static ProgramProblem ProblemOf(Exception e) => e switch
    {
        ConfigMissingException missing => new ProgramProblem(ProgramProblemKind.ConfigMissing, missing.Message, missing.Key, Source: missing.ThrownAt),
        ConfigTypeException invalid => new ProgramProblem(ProgramProblemKind.ConfigInvalid, invalid.Message, invalid.Key, Source: invalid.ThrownAt),
        _ => new ProgramProblem(
            ProgramProblemKind.Exception,
            DiagnosticCatalog.Excerpt(string.IsNullOrWhiteSpace(e.Message) ? "(no message)" : e.Message, MaxMessage, keepLineBreaks: true),
            ExceptionType: e.GetType().FullName ?? e.GetType().Name,
            StackTrace: e.StackTrace is { } trace ? DiagnosticCatalog.Excerpt(trace, MaxStackTrace, keepLineBreaks: true) : null,
            Source: ThrowSite(e)),
    };

    /// <summary>The first frame of the program's own code with a file and line (present when the program's symbols are).</summary>
    private static ProgramSource? ThrowSite(Exception e) =>
        new System.Diagnostics.StackTrace(e, fNeedFileInfo: true).GetFrames()
            .Where(f => f.GetFileName() is { Length: > 0 } && f.GetFileLineNumber() > 0)
            .Where(f => f.GetMethod()?.Module.Assembly is not { } assembly || (assembly != typeof(ProgramHost).Assembly && assembly != typeof(ProgramMessage).Assembly))
            .Select(f => new ProgramSource(f.GetFileName()!, f.GetFileLineNumber()))
            .FirstOrDefault();

}
