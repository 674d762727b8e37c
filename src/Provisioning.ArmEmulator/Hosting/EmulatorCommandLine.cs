namespace Provisioning.ArmEmulator;

/// <summary>Parses the standalone emulator's arguments into options.</summary>
internal static class EmulatorCommandLine
{
    /// <summary>The usage text printed for <c>--help</c> and after an error.</summary>
    public const string Usage = """
        Usage: Provisioning.ArmEmulator [options]
          --urls https://127.0.0.1:PORT   address to listen on (127.0.0.1 or localhost only; http:// serves plain HTTP)
          --port N                        port on 127.0.0.1 (default 0: chosen by the OS)
          --http                          serve plain HTTP instead of HTTPS
          --data FILE                     load state from FILE and save every change to it
          --page-size N                   items per list page (default 100)
          --put-returns-created           answer customer subscription PUTs with 201 and no body
          --help                          show this text
        """;

    /// <summary>Parses the arguments; returns null options with an error message when they are wrong, and null both for --help.</summary>
    public static (ArmEmulatorOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new ArmEmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value."));
            try
            {
                switch (name)
                {
                    case "--help" or "-h" or "-?":
                        return (null, null);
                    case "--urls":
                        ApplyUrl(options, Value());
                        break;
                    case "--port":
                        options.Port = ParseInt(name, Value(), min: 0, max: 65535);
                        break;
                    case "--http":
                        options.UseHttps = false;
                        break;
                    case "--data":
                        options.DataFile = Value();
                        break;
                    case "--page-size":
                        options.PageSize = ParseInt(name, Value(), min: 1, max: 100_000);
                        break;
                    case "--put-returns-created":
                        options.PutReturnsCreated = true;
                        break;
                    default:
                        return (null, $"Unknown argument '{args[i]}'.");
                }
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }

        return (options, null);
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static void ApplyUrl(ArmEmulatorOptions options, string value)
    {
        // Kestrel's --urls may list several addresses; the emulator serves exactly one.
        if (value.Contains(';', StringComparison.Ordinal)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new FormatException($"--urls '{value}' is not one http:// or https:// address.");
        }

        if (uri.Host is not ("127.0.0.1" or "localhost"))
        {
            throw new FormatException($"--urls '{value}': the emulator listens on 127.0.0.1 or localhost only.");
        }

        options.UseHttps = uri.Scheme == Uri.UriSchemeHttps;
        options.Port = uri.IsDefaultPort && !value.Contains($":{uri.Port}", StringComparison.Ordinal) ? 0 : uri.Port;
    }

    private static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{value}'.");
}
