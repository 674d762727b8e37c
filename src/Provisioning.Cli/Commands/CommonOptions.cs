using System.CommandLine;
using Provisioning.Cli.Engine;

namespace Provisioning.Cli.Commands;

/// <summary>The options preview, up and destroy share, declared once.</summary>
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
        Description = "Apply without asking. Required when not on an interactive terminal.",
    };

    /// <summary>Fail with exit code 3 when anything would change.</summary>
    public Option<bool> ExpectNoChanges { get; } = new("--expect-no-changes")
    {
        Description = "Exit 3 (and change nothing) if any change is pending: a drift check for CI.",
    };

    /// <summary>Read actual state from ARM before planning.</summary>
    public Option<bool> Refresh { get; } = new("--refresh")
    {
        Description = "List what exists in ARM before planning (default: true; drift is common for tenant mappings).",
        DefaultValueFactory = _ => true,
    };

    /// <summary>Requests in flight at once.</summary>
    public Option<int> Parallel { get; } = new("--parallel", "-p")
    {
        Description = "Requests in flight at once (default 20, sized for ARM's 10 writes/s refill, not for CPUs).",
        DefaultValueFactory = _ => 20,
    };

    /// <summary>Also list unchanged resources.</summary>
    public Option<bool> ShowSame { get; } = new("--show-same")
    {
        Description = "Also list the mappings that are already as desired.",
    };

    /// <summary>Adds the options to a command (up and destroy get --yes; preview does not).</summary>
    public void AddTo(Command command, bool applies)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Stack);
        command.Options.Add(Cwd);
        if (applies)
        {
            command.Options.Add(Yes);
        }

        command.Options.Add(ExpectNoChanges);
        command.Options.Add(Refresh);
        command.Options.Add(Parallel);
        command.Options.Add(ShowSame);
        Parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--parallel must be between 1 and 1000.");
            }
        });
    }

    /// <summary>Reads the parsed values.</summary>
    public OperationOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var cwd = parse.GetValue(Cwd);
        return new OperationOptions(
            parse.GetValue(Stack)!,
            Path.GetFullPath(string.IsNullOrEmpty(cwd) ? Directory.GetCurrentDirectory() : cwd),
            parse.GetResult(Yes) is not null && parse.GetValue(Yes),
            parse.GetValue(ExpectNoChanges),
            parse.GetValue(Refresh),
            parse.GetValue(Parallel),
            parse.GetValue(ShowSame));
    }
}
