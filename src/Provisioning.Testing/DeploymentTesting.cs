using System.Text.Json;
using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Diagnostics;
using Provisioning.Engine;
using Provisioning.Programs;
using Provisioning.Sdk;

namespace Provisioning.Testing;

/// <summary>
/// <c>Deployment.TestAsync</c>, the Pulumi.Testing way: runs a program in this process with the engine's own steps
/// (its message, the conversion with every domain rule, the expansion into URNs and ARM ids), hands every registered
/// resource to the <see cref="IMocks"/>, and returns them for a unit test to assert on, with the plan the engine made
/// against <see cref="TestOptions.State"/> (an up applies it there, on an in-memory ARM; nothing leaves the process).
/// </summary>
public static class DeploymentTesting
{
    private const string MessageName = "the program's message";
    private const string SecretPlaceholder = "[secret]";

    extension(Deployment)
    {
        /// <summary>Runs a program that returns its stack outputs; throws <see cref="TestRunException"/> when it has errors.</summary>
        public static Task<TestResult> TestAsync(IMocks mocks, TestOptions options, Func<IDictionary<string, object?>> program)
        {
            ArgumentNullException.ThrowIfNull(program);
            return RunAsync(mocks, options, (host, token) => host.RunAsync(program, token));
        }

        /// <summary>Runs an asynchronous program that returns its stack outputs; throws <see cref="TestRunException"/> when it has errors.</summary>
        public static Task<TestResult> TestAsync(IMocks mocks, TestOptions options, Func<Task<IDictionary<string, object?>>> program)
        {
            ArgumentNullException.ThrowIfNull(program);
            return RunAsync(mocks, options, (host, token) => host.RunAsync(program, token));
        }

        /// <summary>Runs the stack class <typeparamref name="TStack"/>; throws <see cref="TestRunException"/> when it has errors.</summary>
        public static Task<TestResult> TestAsync<TStack>(IMocks mocks, TestOptions options)
            where TStack : Stack, new() =>
            RunAsync(mocks, options, (host, token) => host.RunAsync<TStack>(token));

        /// <summary>
        /// Checks the message a program process wrote (run with <see cref="TestOptions.EnvironmentVariables"/>, as provision
        /// runs it): for a program's own entry point. Throws <see cref="TestRunException"/> when it has errors.
        /// </summary>
        public static Task<TestResult> TestMessageAsync(IMocks mocks, TestOptions options, ReadOnlyMemory<byte> utf8Message)
        {
            ArgumentNullException.ThrowIfNull(mocks);
            ArgumentNullException.ThrowIfNull(options);
            return CheckAsync(mocks, options, utf8Message);
        }
    }

    private static async Task<TestResult> RunAsync(IMocks mocks, TestOptions options, Func<ProgramHost, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(mocks);
        ArgumentNullException.ThrowIfNull(options);
        ReadOnlyMemory<byte>? message = null;
        async Task<ReadOnlyMemory<byte>> Inline(InlineProgramContext context, CancellationToken cancellationToken)
        {
            var sink = new MemoryProgramMessageSink();
            await run(new ProgramHost(options.Settings(), sink), cancellationToken).ConfigureAwait(false);
            if (sink.Message is null)
            {
                throw new TestRunException("The program handed over no message.");
            }

            message = sink.Json;
            return sink.Json;
        }

        return await CheckAsync(mocks, options, Inline, () => message).ConfigureAwait(false);
    }

    private static Task<TestResult> CheckAsync(IMocks mocks, TestOptions options, ReadOnlyMemory<byte> json) =>
        CheckAsync(mocks, options, (_, _) => Task.FromResult(json), () => json);

    /// <summary>Runs the program on the engine (a preview, or an up against <see cref="TestOptions.State"/>) and registers every resource it declared with the mocks.</summary>
    private static async Task<TestResult> CheckAsync(IMocks mocks, TestOptions options, InlineProgram program, Func<ReadOnlyMemory<byte>?> message)
    {
        var files = new StackLoadResult(new StackDefinition(options.ProjectName, options.StackName, options.Cloud, [], []), [])
        {
            Program = new ProgramProject(null, SourceSpan.WholeFile(StackLoader.ProjectFileName)),
        };
        var state = options.State ?? new TestState();
        var warnings = new TestEngine.Warnings();
        StackRunResult result;
        try
        {
            result = await TestEngine.RunAsync(files, state, options.IsPreview, program, CancellationToken.None, warnings).ConfigureAwait(false);
        }
        catch (DiagnosticException e)
        {
            throw new TestRunException(e.Diagnostics);
        }

        // The program's own view of each resource (its inputs by SDK name), matched to the engine's by URN.
        var declared = new Dictionary<string, ProgramResource>(StringComparer.Ordinal);
        foreach (var resource in message() is { } json ? ProgramMessageReader.Read(json.Span, MessageName).Message?.Resources ?? [] : [])
        {
            declared.TryAdd(resource.Urn, resource);
        }

        var resources = new List<TestResource>();
        foreach (var component in result.Desired?.Components ?? [])
        {
            var urn = component.Urn.Value;
            var inputs = declared.GetValueOrDefault(urn)?.Inputs ?? new Dictionary<string, string>(StringComparer.Ordinal);
            resources.Add(await RegisterAsync(mocks, new MockResourceArgs(component.Type, component.Name, urn, null, inputs, null, Custom: false)).ConfigureAwait(false));
            foreach (var child in component.Children)
            {
                var childUrn = child.Urn.Value;
                var childInputs = declared.GetValueOrDefault(childUrn)?.Inputs ?? child.Properties;
                var type = declared.GetValueOrDefault(childUrn)?.Type ?? TenantRegistration.CustomerSubscriptionType;
                resources.Add(await RegisterAsync(mocks, new MockResourceArgs(type, child.Urn.Name, childUrn, child.Id.ToString(), childInputs, child.Parent?.Value, Custom: true)).ConfigureAwait(false));
            }
        }

        var outputs = (result.Outputs ?? []).ToDictionary(o => o.Name, OutputText, StringComparer.Ordinal);
        return new TestResult(resources, outputs) { Warnings = warnings.Found, State = state, Run = result };
    }

    private static async Task<TestResource> RegisterAsync(IMocks mocks, MockResourceArgs args)
    {
        var (id, state) = await mocks.NewResourceAsync(args).ConfigureAwait(false);
        return new TestResource(args.Urn, id, args.Type, args.Inputs, args.Parent) { State = state };
    }

    private static string? OutputText(ProgramOutput output) => output switch
    {
        { Secret: true } => SecretPlaceholder,
        { Value: null } => null,
        { Value: { ValueKind: JsonValueKind.String } value } => value.GetString(),
        { Value: { } value } => value.GetRawText(),
    };

}
