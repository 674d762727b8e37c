using Provisioning.Programs;

namespace Provisioning.Sdk;

/// <summary>
/// The entry point of a program: <c>return await Deployment.RunAsync(() => { … });</c>. Started by provision (which sets
/// the <c>PROVISION_*</c> variables), it runs the program, collects what it declares and writes one message for the
/// engine; started on its own, it says to use <c>provision preview</c> and exits 2. The exit code is both returned and
/// set as <see cref="Environment.ExitCode"/>.
/// </summary>
public static class Deployment
{
    /// <summary>The running deployment (project, stack, preview or not); only inside the program.</summary>
    public static DeploymentInstance Instance => new(DeploymentContext.Require("Deployment.Instance").Settings);

    /// <summary>Runs a program that returns its stack outputs.</summary>
    public static Task<int> RunAsync(Func<IDictionary<string, object?>> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return RunUnderEngineAsync(host => host.RunAsync(func));
    }

    /// <summary>Runs an asynchronous program that returns its stack outputs.</summary>
    public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return RunUnderEngineAsync(host => host.RunAsync(func));
    }

    /// <summary>Runs the program written as the stack class <typeparamref name="TStack"/>.</summary>
    public static Task<int> RunAsync<TStack>()
        where TStack : Stack, new() =>
        RunUnderEngineAsync(host => host.RunAsync<TStack>());

    private static int _runs;

    private static async Task<int> RunUnderEngineAsync(Func<ProgramHost, Task<int>> run)
    {
        int exitCode;
        if (ProgramEnvironmentReader.Read(Environment.GetEnvironmentVariable, out var problem) is not { } started)
        {
            await Console.Error.WriteLineAsync(problem);
            exitCode = ProgramExitCodes.NotRunByEngine;
        }
        else if (Interlocked.Increment(ref _runs) > 1)
        {
            // One process, one message: a second run would replace the first's resources unseen.
            throw new InvalidOperationException("Deployment.RunAsync was called more than once; a program declares its whole stack in one run.");
        }
        else
        {
            exitCode = await run(new ProgramHost(started.Settings, new FileProgramMessageSink(started.OutputPath)));
        }

        Environment.ExitCode = exitCode;
        return exitCode;
    }
}
