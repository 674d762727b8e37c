using System.Globalization;

namespace Provisioning.ArmEmulator;

/// <content>The parsers of option values; each throws <see cref="FormatException"/> with a message naming the option.</content>
internal static partial class EmulatorCommandLine
{
    private static int ParseInt(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{value}'.");

    private static double ParseDouble(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{name} must be a number from {min} to {max}, not '{value}'.");

    private static double ParseShare(string name, string value) => ParseDouble(name, value, 0, 1);

    private static TokenBucketOptions ParseBucket(string name, string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 2)
        {
            throw new FormatException($"{name} must be SIZE:REFILL (e.g. 200:10), not '{value}'.");
        }

        return new TokenBucketOptions(ParseDouble(name, parts[0], 1, 1e9), ParseDouble(name, parts[1], 0.001, 1e9));
    }

    private static HashSet<ArmOperationKind> ParseKinds(string name, string value)
    {
        var kinds = new HashSet<ArmOperationKind>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            kinds.Add(part.ToLowerInvariant() switch
            {
                "read" or "reads" => ArmOperationKind.Read,
                "write" or "writes" => ArmOperationKind.Write,
                "delete" or "deletes" => ArmOperationKind.Delete,
                _ => throw new FormatException($"{name} takes read, write and delete separated by commas, not '{part}'."),
            });
        }

        return kinds.Count > 0 ? kinds : throw new FormatException($"{name} needs at least one kind.");
    }
}
