namespace Provisioning.Diagnostics;

// The Azure part of the catalogue (PRV120-PRV139): credentials, the ARM endpoint and its TLS trust, ARM answers that
// say the endpoint is wrong, and the Azure Blob state backend. Input errors are found before anything is contacted.
//
// | code   | level   | origin      | meaning                                                                         |
// |--------|---------|-------------|---------------------------------------------------------------------------------|
// | PRV120 | error   | input       | unknown credential kind (--credential or PROVISION_CREDENTIAL)                  |
// | PRV121 | error   | input       | a credential kind's environment variables are not set                           |
// | PRV122 | error   | input       | a credential setting is unusable (a variable's value, the access-token file…)   |
// | PRV123 | error   | input       | PROVISION_TRUST_CERT_THUMBPRINT is not a 40- or 64-digit hex thumbprint         |
// | PRV124 | error   | input       | the ARM endpoint cannot be used this way (not HTTPS, trust or token not loopback)|
// | PRV125 | error   | environment | the credential could not get a token (each credential's reason listed)          |
// | PRV126 | error   | environment | the endpoint's TLS certificate is not trusted (never retried)                   |
// | PRV127 | error   | environment | the endpoint cannot be reached (name not resolved, connection refused)          |
// | PRV128 | error   | environment | the endpoint answered a list with a 404 that does not mean "no registration"    |
// | PRV129 | error   | environment | the Azure Blob state backend failed or cannot be reached                        |
// | PRV130 | error   | environment | the Azure Blob state was changed by another writer; nothing was overwritten     |
// | PRV131 | error   | input       | the azblob:// backend settings are invalid (account, container, connection string) |
// | PRV132 | error   | input       | a registration's subscription id, resource group or name is one ARM would refuse   |

/// <content>Credentials, endpoints, ARM answers and the Azure Blob state backend (PRV120-PRV139).</content>
public static partial class DiagnosticCatalog
{
    /// <summary>The longest quoted value (a kind, a thumbprint, a remote message) before it is cut.</summary>
    private const int AzureMaxQuoted = 300;

    /// <summary>PRV120: an unknown credential kind, named on the command line or in <paramref name="source"/>.</summary>
    public static Diagnostic UnknownCredentialKind(string source, string kind, IReadOnlyList<string> kinds, string? note = null) =>
        Error(AzureSpan(source), "PRV120",
            $"Unknown credential kind '{AzureCut(kind, 40)}'; use one of: {string.Join(", ", kinds)}.{(note is null ? string.Empty : " " + note)}");

    /// <summary>PRV121: a credential kind's environment variables are not set.</summary>
    public static Diagnostic CredentialVariablesMissing(string kind, IReadOnlyList<string> missing, string? hint = null) =>
        Error(AzureSpan("$" + missing[0]), "PRV121",
            $"The credential '{kind}' needs the environment variable{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)}, not set{hint}. Set {(missing.Count == 1 ? "it" : "them")} or pick another kind with --credential.");

    /// <summary>PRV122: a credential setting is unusable; <paramref name="setting"/> names it, <paramref name="problem"/> says why (never the secret itself).</summary>
    public static Diagnostic CredentialSettingInvalid(string kind, string setting, string problem) =>
        Error(AzureSpan(setting), "PRV122", $"The credential '{kind}' cannot use {setting}: {AzureCut(problem, 2 * AzureMaxQuoted)}");

    /// <summary>PRV123: the trusted-certificate thumbprint is not hex of the right length.</summary>
    public static Diagnostic ThumbprintInvalid(string variable, string value, string problem) =>
        Error(AzureSpan("$" + variable), "PRV123",
            $"{variable} '{AzureCut(value, 80)}' is not a certificate thumbprint: {problem}. Give the 40 (SHA-1) or 64 (SHA-256) hex digits the emulator printed, without spaces or colons.");

    /// <summary>PRV124: the ARM endpoint cannot be used this way.</summary>
    public static Diagnostic EndpointUnusable(string endpoint, string problem) =>
        Error(SourceSpan.CommandLine, "PRV124", $"The ARM endpoint '{AzureCut(endpoint, 200)}' cannot be used: {problem}");

    /// <summary>PRV125: the credential could not get a token; <paramref name="reasons"/> holds one line per credential tried.</summary>
    public static Diagnostic TokenUnavailable(string kind, string scope, IReadOnlyList<string> reasons) =>
        Fault(SourceSpan.CommandLine, "PRV125",
            $"The credential '{kind}' could not get a token for '{scope}'; nothing was sent to Azure."
            + (reasons.Count == 0 ? string.Empty : string.Concat(reasons.Select(r => $"{Environment.NewLine}  - {AzureCut(r, AzureMaxQuoted)}")))
            + $"{Environment.NewLine}Sign in (e.g. 'az login'), or name the credential that should work with --credential (see docs/azure.md).");

    /// <summary>PRV126: the server's TLS certificate is not trusted; such a failure is never retried.</summary>
    public static Diagnostic CertificateNotTrusted(string server, string reason, string trustVariable) =>
        Fault(SourceSpan.CommandLine, "PRV126",
            $"The certificate of {server} is not trusted: {AzureEnd(AzureCut(reason, AzureMaxQuoted))} Nothing was sent. If the endpoint uses a private certificate authority, "
            + $"add it to the system's trust store or set SSL_CERT_FILE to a PEM bundle that includes it; for an emulator on loopback, set {trustVariable} to the thumbprint it printed.");

    /// <summary>PRV127: the server cannot be reached (its name does not resolve, or it refuses connections).</summary>
    public static Diagnostic EndpointUnreachable(string server, string reason, int attempts, TimeSpan elapsed) =>
        Fault(SourceSpan.CommandLine, "PRV127",
            $"{server} cannot be reached: {AzureCut(reason, AzureMaxQuoted)} ({attempts} attempt{(attempts == 1 ? string.Empty : "s")} in {elapsed.TotalSeconds:0.#} s). Check the stack's cloud or endpoint, DNS, proxy and firewall.");

    /// <summary>PRV128: a list answered 404 with an ARM code that does not say the registration is missing.</summary>
    public static Diagnostic EndpointDoesNotServe(string what, string armFailure) =>
        Fault(SourceSpan.CommandLine, "PRV128",
            $"{AzureCut(armFailure, 600)} This 404 does not say that {what} is missing: the endpoint does not serve it. Check the stack's cloud or endpoint, the subscription and the resource group.");

    /// <summary>PRV129: the Azure Blob state backend failed while <paramref name="doing"/>.</summary>
    public static Diagnostic BlobBackendFailed(string backend, string doing, string reason) =>
        Fault(SourceSpan.CommandLine, "PRV129", $"The state backend {backend} failed while {doing}: {AzureCut(reason, 4 * AzureMaxQuoted)}");

    /// <summary>PRV130: the Azure Blob state was changed by another writer since it was read.</summary>
    public static Diagnostic BlobStateChangedByAnother(string backend, string stack, string? code) =>
        Fault(SourceSpan.CommandLine, "PRV130",
            $"The state of stack '{stack}' in {backend} was changed by another writer since it was read{(code is null ? string.Empty : $" ({code})")}; nothing was overwritten. Run the command again.");

    /// <summary>PRV131: the azblob:// backend settings are invalid.</summary>
    public static Diagnostic BlobBackendInvalid(string setting, string problem) =>
        Error(AzureSpan(setting), "PRV131", $"The state backend cannot be used: {problem}");

    /// <summary>PRV132: a declared registration's id is one ARM (and the embedded emulator) would refuse.</summary>
    public static Diagnostic RegistrationArmWouldRefuse(SourceSpan span, string key, string problem) =>
        Error(span, "PRV132", $"Registration '{AzureCut(key, 80)}' cannot exist in ARM: {AzureCut(problem, AzureMaxQuoted)} Fix it in the stack file.");

    /// <summary>The place of a setting: <c>$VARIABLE</c>, <c>--option</c>, or the command line.</summary>
    private static SourceSpan AzureSpan(string setting) =>
        string.IsNullOrEmpty(setting) ? SourceSpan.CommandLine : new SourceSpan(setting, 0, 0);

    /// <summary>The text ending with a full stop (or the punctuation it already ends with).</summary>
    private static string AzureEnd(string text) =>
        text.Length == 0 || text[^1] is '.' or '!' or '?' or '…' or ')' ? text : text + ".";

    /// <summary>One line, at most <paramref name="max"/> characters.</summary>
    private static string AzureCut(string text, int max)
    {
        var line = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= max ? line : string.Concat(line.AsSpan(0, max), "…");
    }
}
