using Provisioning.Engine;

namespace Provisioning.Sdk;

/// <summary>
/// Makes the engine's <see cref="Engine.InlineProgram"/> from a program written as for <see cref="Deployment.RunAsync(Func{IDictionary{string, object}})"/>:
/// the program runs in the caller's process, sees the stack's config, and hands its resources to the engine directly
/// (Pulumi's inline program; Pulumi's PulumiFn.Create plays this part). Give it to <see cref="WorkspaceOptions.Program"/>.
/// </summary>
public static class ProgramFn
{
    /// <summary>A program that returns its stack outputs.</summary>
    public static Engine.InlineProgram Create(Func<IDictionary<string, object?>> program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return (context, cancellationToken) => RunAsync(context, (host, token) => host.RunAsync(program, token), cancellationToken);
    }

    /// <summary>An asynchronous program that returns its stack outputs.</summary>
    public static Engine.InlineProgram Create(Func<Task<IDictionary<string, object?>>> program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return (context, cancellationToken) => RunAsync(context, (host, token) => host.RunAsync(program, token), cancellationToken);
    }

    /// <summary>The stack class <typeparamref name="TStack"/>.</summary>
    public static Engine.InlineProgram Create<TStack>()
        where TStack : Stack, new() =>
        (context, cancellationToken) => RunAsync(context, (host, token) => host.RunAsync<TStack>(token), cancellationToken);

    private static async Task<ReadOnlyMemory<byte>> RunAsync(InlineProgramContext context, Func<ProgramHost, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = new ProgramSettings(context.Project, context.Stack) { Preview = context.Preview, Config = context.Config, SecretKeys = context.SecretKeys };
        var sink = new MemoryProgramMessageSink();
        await run(new ProgramHost(settings, sink), cancellationToken).ConfigureAwait(false);

        // A program always hands a message over, its problems included; none at all is the contract's "wrote no message".
        return sink.Message is null ? ReadOnlyMemory<byte>.Empty : sink.Json;
    }
}
