namespace Provisioning.EndToEnd.Tests.Safety.Mistakes;

/// <summary>
/// One operator mistake, run through the real CLI by <see cref="MistakeRunner"/>: the command
/// (<paramref name="Args"/>, <c>{dir}</c> standing for the project folder; <c>--cwd {dir}</c> is appended unless
/// <see cref="Cwd"/> is false), what is done first, and what must come out of it.
/// </summary>
/// <param name="Name">"kind/what", unique; the kind names the bullet of issue 11's "Why" it belongs to.</param>
/// <param name="Args">The command line after <c>provision</c>.</param>
public sealed record Mistake(string Name, params string[] Args)
{
    /// <summary>Commands run first, each must exit 0 (e.g. <c>up --stack local --yes</c> to make real state and data).</summary>
    public IReadOnlyList<string[]> Prepare { get; init; } = [];

    /// <summary>Edits the project folder (and the environment) after <see cref="Prepare"/>, before the snapshot.</summary>
    public Action<MistakeProject>? Arrange { get; init; }

    /// <summary>The exit code: 2 input, 1 the environment is at fault, 4 locked, 0 for the few cases that must be accepted. Default 2.</summary>
    public int Exit { get; init; } = 2;

    /// <summary>Other exit codes accepted where the principle allows either (rare: say why at the case).</summary>
    public IReadOnlyList<int> OrExit { get; init; } = [];

    /// <summary>When given, exactly these diagnostic codes appear on stderr's error lines.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>Whether list requests (GET) are allowed: for a refusal that needs ARM's answer first. PUT and DELETE never are.</summary>
    public bool Reads { get; init; }

    /// <summary>Whether to append <c>--cwd {dir}</c>. Default true.</summary>
    public bool Cwd { get; init; } = true;

    /// <summary>How the CLI is run. Default: in-process over this case's emulator.</summary>
    public MistakeHost Host { get; init; } = MistakeHost.Emulator;

    /// <summary>Whether this case's emulator serves HTTPS with a self-signed certificate (default: plain HTTP on loopback).</summary>
    public bool Https { get; init; }

    /// <summary>How long the command may take before it is reported as hung. Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Text that must appear nowhere in the output (a password, a token in a URL).</summary>
    public string? Secret { get; init; }

    /// <summary>A pattern that must not match the output (stdout and stderr).</summary>
    public string? Forbidden { get; init; }

    public override string ToString() => Name;
}
