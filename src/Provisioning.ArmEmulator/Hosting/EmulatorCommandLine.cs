namespace Provisioning.ArmEmulator;

/// <summary>Parses the standalone emulator's arguments into options.</summary>
internal static partial class EmulatorCommandLine
{
    /// <summary>The usage text printed for <c>--help</c> and after an error.</summary>
    public const string Usage = """
        Usage: Provisioning.ArmEmulator [options]
          --urls https://127.0.0.1:PORT   address to listen on (127.0.0.1 or localhost only; http:// serves plain HTTP)
          --port N                        port on 127.0.0.1 (default 0: chosen by the OS)
          --http                          serve plain HTTP instead of HTTPS
          --data FILE                     load state from FILE and save changes to it
          --save-interval MS              write FILE at most every MS milliseconds (default 200; 0: every change at once)
          --page-size N                   items per list page (default 100)
          --put-returns-created           answer customer subscription PUTs with 201 and no body

        Throttling (ARM's token buckets per subscription and caller, and a global one per subscription):
          --no-throttling                 no 429s and no x-ms-ratelimit-* headers
          --throttle-reads SIZE:REFILL    GET bucket size and refill per second (default 250:25)
          --throttle-writes SIZE:REFILL   PUT bucket (default 200:10)
          --throttle-deletes SIZE:REFILL  DELETE bucket (default 200:10)
          --throttle-global N             the global bucket is N times the caller's (default 15)

        Faults (shares from 0 to 1 of requests, drawn from a seeded sequence):
          --fault-rate R                  R of requests fail: split evenly over 500, 503, 429 and dropped connections
          --fault-500 R                   R answered 500 InternalServerError
          --fault-503 R                   R answered 503 ServiceUnavailable
          --fault-429 R                   R answered 429 TooManyRequests with Retry-After
          --fault-drop R                  R have their connection dropped before any effect
          --fault-after-commit R          R take effect, then have their connection dropped
          --fault-delay R                 R are delayed, then handled
          --fault-delay-ms MS             length of a delay (default 2000)
          --fault-retry-after S           Retry-After seconds of an injected 429 (default 1)
          --fault-kinds LIST              the kinds the shares apply to: read,write,delete (default all three)
          --fault-seed N                  seed of the draws, to replay a run (default random)

          --help                          show this text
        """;

    /// <summary>Parses the arguments; returns null options with an error message when they are wrong, and null both for --help.</summary>
    public static (ArmEmulatorOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new ArmEmulatorOptions();
        var faults = new FaultRates();
        var faultKinds = new HashSet<ArmOperationKind> { ArmOperationKind.Read, ArmOperationKind.Write, ArmOperationKind.Delete };
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
                    case "--save-interval":
                        options.SaveInterval = TimeSpan.FromMilliseconds(ParseInt(name, Value(), min: 0, max: 3_600_000));
                        break;
                    case "--page-size":
                        options.PageSize = ParseInt(name, Value(), min: 1, max: 100_000);
                        break;
                    case "--put-returns-created":
                        options.PutReturnsCreated = true;
                        break;
                    case "--no-throttling":
                        options.Throttling.Enabled = false;
                        break;
                    case "--throttle-reads":
                        options.Throttling.Reads = ParseBucket(name, Value());
                        break;
                    case "--throttle-writes":
                        options.Throttling.Writes = ParseBucket(name, Value());
                        break;
                    case "--throttle-deletes":
                        options.Throttling.Deletes = ParseBucket(name, Value());
                        break;
                    case "--throttle-global":
                        options.Throttling.GlobalMultiplier = ParseDouble(name, Value(), min: 1, max: 1_000_000);
                        break;
                    case "--fault-rate":
                        faults.WithTransientFailures(ParseShare(name, Value()));
                        break;
                    case "--fault-500":
                        faults.InternalServerErrorShare = ParseShare(name, Value());
                        break;
                    case "--fault-503":
                        faults.ServiceUnavailableShare = ParseShare(name, Value());
                        break;
                    case "--fault-429":
                        faults.TooManyRequestsShare = ParseShare(name, Value());
                        break;
                    case "--fault-drop":
                        faults.DropConnectionShare = ParseShare(name, Value());
                        break;
                    case "--fault-after-commit":
                        faults.FaultAfterCommitShare = ParseShare(name, Value());
                        break;
                    case "--fault-delay":
                        faults.DelayShare = ParseShare(name, Value());
                        break;
                    case "--fault-delay-ms":
                        options.Faults.Delay = TimeSpan.FromMilliseconds(ParseInt(name, Value(), min: 0, max: 3_600_000));
                        break;
                    case "--fault-retry-after":
                        options.Faults.RetryAfterSeconds = ParseInt(name, Value(), min: 1, max: 3600);
                        break;
                    case "--fault-kinds":
                        faultKinds = ParseKinds(name, Value());
                        break;
                    case "--fault-seed":
                        options.Faults.Seed = ParseInt(name, Value(), min: int.MinValue, max: int.MaxValue);
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

        if (faults.Total > 1 + 1e-9)
        {
            return (null, $"The fault shares add up to {faults.Total}; they must add up to at most 1.");
        }

        options.Faults.Reads = faultKinds.Contains(ArmOperationKind.Read) ? Copy(faults) : new FaultRates();
        options.Faults.Writes = faultKinds.Contains(ArmOperationKind.Write) ? Copy(faults) : new FaultRates();
        options.Faults.Deletes = faultKinds.Contains(ArmOperationKind.Delete) ? Copy(faults) : new FaultRates();
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

    private static FaultRates Copy(FaultRates r) => new()
    {
        InternalServerErrorShare = r.InternalServerErrorShare,
        ServiceUnavailableShare = r.ServiceUnavailableShare,
        TooManyRequestsShare = r.TooManyRequestsShare,
        DropConnectionShare = r.DropConnectionShare,
        DelayShare = r.DelayShare,
        FaultAfterCommitShare = r.FaultAfterCommitShare,
    };
}
