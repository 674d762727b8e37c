using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provisioning.Diagnostics;
using Provisioning.Model;
using Provisioning.State;

namespace Provisioning.Planning;

/// <summary>
/// Reads and writes <see cref="SavedPlan"/> as indented JSON text (the caller does the file I/O). The text ends with a
/// <c>"checksum"</c> member, the SHA-256 of every byte before it, so the project, the stack, the options and every step
/// are covered: a plan edited by hand, cut short or made for another stack is refused.
/// </summary>
public static class SavedPlanSerializer
{
    private const string What = "saved plan";

    /// <summary>The JSON text of a saved plan, its checksum last.</summary>
    public static string Write(SavedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var body = JsonSerializer.Serialize(plan with { FormatVersion = SavedPlan.CurrentFormatVersion }, SavedPlanJsonContext.Default.SavedPlan).TrimEnd();

        // "{ … }" becomes "{ …,\n  "checksum": "sha256:…"\n}": the checksum covers every byte up to its own name.
        var covered = string.Concat(body.AsSpan(0, body.Length - 1).TrimEnd(), ",\n  ");
        return $"{covered}\"checksum\": \"{Checksum(Encoding.UTF8.GetBytes(covered))}\"\n}}\n";
    }

    /// <summary>
    /// Reads the saved plan of <paramref name="expected"/>: a plan file of another project or stack, of a newer major
    /// format, without its checksum or with one that does not match, or naming an id that is not an ARM id or an address
    /// of another stack, throws <see cref="DiagnosticException"/> naming <paramref name="source"/> (exit code 2).
    /// </summary>
    public static SavedPlan Read(string json, string source, StateIdentity expected)
    {
        var plan = Read(json, source);
        var found = new StateIdentity(plan.Project, plan.Stack);
        if (found != expected)
        {
            throw new DiagnosticException(DiagnosticCatalog.ForeignState(source, What, found.ToString(), expected.ToString()));
        }

        var prefix = expected.UrnPrefix;
        foreach (var step in plan.Steps.Where(s => !s.Address.StartsWith(prefix, StringComparison.Ordinal)))
        {
            throw new DiagnosticException(DiagnosticCatalog.ForeignState(source, What, $"another stack (its step for {DiagnosticCatalog.Excerpt(step.Address, 80)} is)", expected.ToString()));
        }

        return plan;
    }

    /// <summary>Reads a saved plan, checking its format and checksum but not whose it is (see <see cref="Read(string, string, StateIdentity)"/>).</summary>
    public static SavedPlan Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        try
        {
            var (version, checksum, checksumAt) = Header(bytes);
            CheckVersion(version, source);
            if (checksum is null)
            {
                throw new JsonException("the file has no \"checksum\" member (or it is not the last one).");
            }

            if (!string.Equals(checksum, Checksum(bytes.AsSpan(0, checksumAt)), StringComparison.Ordinal))
            {
                throw new DiagnosticException(DiagnosticCatalog.ChecksumMismatch(source, What, "Run 'provision preview --save-plan' again."));
            }

            var plan = JsonSerializer.Deserialize(bytes, SavedPlanJsonContext.Default.SavedPlan) ?? throw new JsonException("the document is null.");
            if (plan.Project is null || plan.Stack is null || plan.Operation is null || plan.ActualFingerprint is null || plan.Steps.IsDefault)
            {
                throw new JsonException("project, stack, operation, steps and actual_fingerprint are required.");
            }

            foreach (var step in plan.Steps)
            {
                CheckStep(step);
            }

            return plan with { Targets = plan.Targets.IsDefault ? [] : plan.Targets };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new DiagnosticException(DiagnosticCatalog.PlanCorrupt(source, e.Message), e);
        }
    }

    private static void CheckStep(SavedStep? step)
    {
        if (step is null || step.Action is null || step.Address is null || step.Id is null)
        {
            throw new JsonException("every step needs action, address and id.");
        }

        if (!Enum.TryParse<StepKind>(step.Action, ignoreCase: true, out var kind) || !string.Equals(kind.ToString().ToLowerInvariant(), step.Action, StringComparison.Ordinal))
        {
            throw new JsonException($"unknown step action '{DiagnosticCatalog.Excerpt(step.Action, 80)}'.");
        }

        if (!ArmResourceId.TryParse(step.Id, out _, out var error))
        {
            throw new JsonException($"the step for {DiagnosticCatalog.Excerpt(step.Address, 80)} has an id that is not an ARM id: {error}");
        }

        _ = Urn.Parse(step.Address);
    }

    /// <summary>The top-level <c>format_version</c>, and the checksum with the offset of its name when it is the last member.</summary>
    private static (string? Version, string? Checksum, int ChecksumAt) Header(byte[] bytes)
    {
        var r = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a plan file is one JSON object.");
        }

        string? version = null, checksum = null;
        var at = -1;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var start = (int)r.TokenStartIndex;
            var isVersion = r.ValueTextEquals("format_version"u8);
            var isChecksum = r.ValueTextEquals("checksum"u8);
            r.Read();
            checksum = null;
            if (isVersion)
            {
                version = r.TokenType == JsonTokenType.String ? r.GetString() : throw new JsonException("'format_version' must be a string.");
            }
            else if (isChecksum && r.TokenType == JsonTokenType.String)
            {
                checksum = r.GetString();
                at = start;
            }

            r.Skip();
        }

        if (r.TokenType != JsonTokenType.EndObject || r.Read())
        {
            throw new JsonException("a plan file is one JSON object.");
        }

        return (version, checksum, at);
    }

    private static void CheckVersion(string? version, string source)
    {
        var parts = (version ?? throw new JsonException("'format_version' is missing.")).Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new JsonException($"'format_version' must look like \"{SavedPlan.CurrentFormatVersion}\", not '{DiagnosticCatalog.Excerpt(version, 80)}'.");
        }

        if (major > SavedPlan.CurrentMajorVersion)
        {
            throw new DiagnosticException(DiagnosticCatalog.FormatTooNew(source, What, version, $"{SavedPlan.CurrentMajorVersion.ToString(CultureInfo.InvariantCulture)}.x"));
        }

        if (major < SavedPlan.CurrentMajorVersion)
        {
            throw new DiagnosticException(DiagnosticCatalog.FormatTooOld(source, What, version, "Run 'provision preview --save-plan' again to save it in the current format."));
        }
    }

    private static string Checksum(ReadOnlySpan<byte> covered) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(covered));

}
