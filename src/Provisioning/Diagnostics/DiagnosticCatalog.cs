namespace Provisioning.Diagnostics;

// Every problem the tool can report, with its stable code. Codes are never reused or renumbered.
// This file holds the configuration codes (PRV001-PRV099); the other parts of the catalogue are the
// partial files beside it, one per area, each with its own table:
//   DiagnosticCatalog.State.cs       PRV100-PRV119  state, journal, locks, saved plans
//   DiagnosticCatalog.Azure.cs       PRV120-PRV139  credentials, endpoints, ARM answers
//   DiagnosticCatalog.Plan.cs        PRV140-PRV159  plan guards (blast radius, mass delete, overwrite), import
//   DiagnosticCatalog.Run.cs         PRV160-PRV199  flags, files, signals, the run itself
//
// | code   | level   | meaning                                                                 |
// |--------|---------|-------------------------------------------------------------------------|
// | PRV001 | error   | the project file Pulumi.yaml is missing                                 |
// | PRV002 | error   | the stack file Pulumi.<stack>.yaml is missing                           |
// | PRV003 | error   | a file exists but cannot be read                                        |
// | PRV004 | error   | a file is not valid UTF-8                                               |
// | PRV005 | error   | YAML syntax error (at the parser's line and column)                     |
// | PRV006 | error   | a mapping key is defined twice                                          |
// | PRV007 | error   | wrong node type (e.g. a scalar where a mapping is expected)             |
// | PRV008 | error   | a required field is missing or has no value                             |
// | PRV009 | error   | unknown field (with a "did you mean" hint)                              |
// | PRV010 | warning | unknown key, ignored (top level of Pulumi.yaml or of the stack file)    |
// | PRV011 | error   | invalid project name                                                    |
// | PRV012 | error   | invalid stack name                                                      |
// | PRV013 | error   | backend url is neither file:// nor azblob://                            |
// | PRV014 | error   | a config key has no namespace                                           |
// | PRV015 | error   | unknown key in the project's config namespace (with a hint)             |
// | PRV016 | error   | a value that must be a GUID is not one                                  |
// | PRV017 | error   | unknown cloud                                                           |
// | PRV018 | error   | a custom ARM endpoint is not https (plain http only to loopback)        |
// | PRV019 | error   | a custom ARM endpoint has no tokenScope                                 |
// | PRV020 | warning | tokenScope is given for a named cloud and is ignored                    |
// | PRV021 | error   | a value that must be a boolean is not one                               |
// | PRV022 | error   | a registration or tenant key is not a valid name                        |
// | PRV023 | error   | invalid resource group name                                             |
// | PRV024 | error   | invalid registration name                                               |
// | PRV025 | error   | a tenant refers to a registration that is not declared (with a hint)    |
// | PRV026 | error   | a tenant lists the same registration twice                              |
// | PRV027 | error   | overwrite trap: one tenant id, two customer subscriptions, one registration |
// | PRV028 | error   | one customer subscription claimed by two tenant ids on one registration |
// | PRV029 | error   | the same (registration, subscription, tenant) mapping is declared twice |
// | PRV030 | error   | two registration keys name the same ARM registration                    |
// | PRV031 | warning | the stack declares no registrations                                     |
// | PRV032 | warning | the stack declares no tenants (legal: the stack then manages nothing)   |
// | PRV033 | warning | a tenant lists no registrations                                         |
// | PRV034 | error   | a file holds more than one YAML document                                |

/// <summary>
/// The one place that mints configuration diagnostics. Each method returns a <see cref="Diagnostic"/>
/// with a stable code; the table at the top of this file lists them all.
/// </summary>
public static partial class DiagnosticCatalog
{
    /// <summary>PRV001: the project file is missing.</summary>
    public static Diagnostic ProjectFileMissing(string file, string directory) =>
        Error(SourceSpan.WholeFile(file), "PRV001", $"The project file '{file}' was not found in '{directory}'.");

    /// <summary>PRV002: the stack file is missing; <paramref name="available"/> names the stacks that do exist.</summary>
    public static Diagnostic StackFileMissing(string file, string stack, IReadOnlyCollection<string> available) =>
        Error(SourceSpan.WholeFile(file), "PRV002", available.Count == 0
            ? $"The stack file '{file}' for stack '{stack}' was not found; there are no stack files."
            : $"The stack file '{file}' for stack '{stack}' was not found; existing stacks: {string.Join(", ", available)}.");

    /// <summary>PRV003: a file exists but cannot be read.</summary>
    public static Diagnostic FileUnreadable(string file, string reason) =>
        Error(SourceSpan.WholeFile(file), "PRV003", $"The file '{file}' cannot be read: {reason}");

    /// <summary>PRV004: a file is not valid UTF-8.</summary>
    public static Diagnostic NotUtf8(SourceSpan span) =>
        Error(span, "PRV004", "The file is not valid UTF-8; save it as UTF-8.");

    /// <summary>PRV005: YAML syntax error.</summary>
    public static Diagnostic YamlSyntax(SourceSpan span, string parserMessage) =>
        Error(span, "PRV005", $"YAML syntax error: {parserMessage}");

    /// <summary>PRV006: a mapping key is defined twice.</summary>
    public static Diagnostic DuplicateKey(SourceSpan span, string key, int firstLine) =>
        Error(span, "PRV006", $"The key '{key}' is already defined on line {firstLine}.");

    /// <summary>PRV007: wrong node type.</summary>
    public static Diagnostic WrongNodeType(SourceSpan span, string what, string expected, string actual) =>
        Error(span, "PRV007", $"{Sentence(what)} must be {expected}, not {actual}.");

    /// <summary>PRV008: a required field is missing or has no value.</summary>
    public static Diagnostic MissingField(SourceSpan span, string field, string owner) =>
        Error(span, "PRV008", $"{Sentence(owner)} has no '{field}'; it is required.");

    /// <summary>PRV008: a field is present but has no value.</summary>
    public static Diagnostic EmptyField(SourceSpan span, string field, string owner) =>
        Error(span, "PRV008", $"'{field}' of {owner} has no value; it is required.");

    /// <summary>PRV009: unknown field, with a hint when a known one is close.</summary>
    public static Diagnostic UnknownField(SourceSpan span, string field, string owner, string? suggestion) =>
        Error(span, "PRV009", $"{Sentence(owner)} has an unknown field '{field}'.{Hint(suggestion)}");

    /// <summary>PRV010: unknown key that is ignored.</summary>
    public static Diagnostic UnknownKeyIgnored(SourceSpan span, string key, string file, string? suggestion) =>
        Warning(span, "PRV010", $"The key '{key}' is not known in {file} and is ignored.{Hint(suggestion)}");

    /// <summary>PRV011: invalid project name.</summary>
    public static Diagnostic InvalidProjectName(SourceSpan span, string name) =>
        Error(span, "PRV011", $"The project name '{name}' is not valid: use letters, digits, '_', '.' and '-' only.");

    /// <summary>PRV012: invalid stack name.</summary>
    public static Diagnostic InvalidStackName(SourceSpan span, string stack) =>
        Error(span, "PRV012", $"The stack name '{stack}' is not valid: use letters, digits, '_', '.' and '-' only.");

    /// <summary>PRV013: the backend url has an unsupported scheme.</summary>
    public static Diagnostic InvalidBackendUrl(SourceSpan span, string url) =>
        Error(span, "PRV013", $"The backend url '{url}' is not supported: use 'file://…' or 'azblob://…'.");

    /// <summary>PRV014: a config key has no namespace.</summary>
    public static Diagnostic KeyWithoutNamespace(SourceSpan span, string key, string? project) =>
        Error(span, "PRV014", project is null
            ? $"The config key '{key}' has no namespace; write it as '<project>:{key}'."
            : $"The config key '{key}' has no namespace. Did you mean '{project}:{key}'?");

    /// <summary>PRV015: unknown key in the project's config namespace.</summary>
    public static Diagnostic UnknownConfigKey(SourceSpan span, string key, string? suggestion) =>
        Error(span, "PRV015", $"The config key '{key}' is not known.{Hint(suggestion)}");

    /// <summary>PRV016: a value that must be a GUID is not one.</summary>
    public static Diagnostic NotAGuid(SourceSpan span, string field, string value) =>
        Error(span, "PRV016", $"'{field}' must be a GUID like 00000000-0000-0000-0000-000000000000, not '{value}'.");

    /// <summary>PRV017: unknown cloud.</summary>
    public static Diagnostic InvalidCloud(SourceSpan span, string value, string? suggestion) =>
        Error(span, "PRV017", $"The cloud '{value}' is not known: use AzureCloud, AzureChinaCloud, AzureUSGovernment, local or an https:// ARM endpoint.{Hint(suggestion)}");

    /// <summary>PRV018: a custom ARM endpoint is not https.</summary>
    public static Diagnostic EndpointNotHttps(SourceSpan span, string value) =>
        Error(span, "PRV018", $"The ARM endpoint '{value}' must use https; plain http is allowed only to 127.0.0.1 or localhost.");

    /// <summary>PRV019: a custom ARM endpoint has no token scope.</summary>
    public static Diagnostic TokenScopeRequired(SourceSpan span, string key) =>
        Error(span, "PRV019", $"A custom ARM endpoint needs '{key}' (e.g. 'https://management.example.com/.default').");

    /// <summary>PRV020: a token scope given for a named cloud is ignored.</summary>
    public static Diagnostic TokenScopeIgnored(SourceSpan span, string cloud) =>
        Warning(span, "PRV020", $"The token scope is ignored: the cloud '{cloud}' has its own.");

    /// <summary>PRV021: a value that must be a boolean is not one.</summary>
    public static Diagnostic NotABool(SourceSpan span, string field, string value) =>
        Error(span, "PRV021", $"'{field}' must be true or false, not '{value}'.");

    /// <summary>PRV022: a registration or tenant key is not a valid name.</summary>
    public static Diagnostic InvalidKeyName(SourceSpan span, string kind, string key) =>
        Error(span, "PRV022", $"The {kind} key '{key}' is not valid: use letters, digits, '_', '.' and '-' only.");

    /// <summary>PRV023: invalid resource group name.</summary>
    public static Diagnostic InvalidResourceGroup(SourceSpan span, string value, string reason) =>
        Error(span, "PRV023", $"The resource group '{value}' is not valid: {reason}");

    /// <summary>PRV024: invalid registration name.</summary>
    public static Diagnostic InvalidRegistrationName(SourceSpan span, string value, string reason) =>
        Error(span, "PRV024", $"The registration name '{value}' is not valid: {reason}");

    /// <summary>PRV025: a tenant refers to an undeclared registration.</summary>
    public static Diagnostic UnknownRegistration(SourceSpan span, string tenant, string registration, string? suggestion) =>
        Error(span, "PRV025", $"Tenant '{tenant}' refers to the registration '{registration}', which is not declared.{Hint(suggestion)}");

    /// <summary>PRV026: a tenant lists the same registration twice.</summary>
    public static Diagnostic RegistrationListedTwice(SourceSpan span, string tenant, string registration) =>
        Error(span, "PRV026", $"Tenant '{tenant}' lists the registration '{registration}' more than once.");

    /// <summary>PRV027: the overwrite trap: one tenant id, two customer subscriptions, one registration.</summary>
    public static Diagnostic TenantOverwrite(SourceSpan span, string registration, string tenantId, string firstSubscription, string secondSubscription, string firstTenantKey) =>
        Error(span, "PRV027", $"Tenant id {tenantId} is mapped on registration '{registration}' to subscription {firstSubscription} (tenant '{firstTenantKey}') and to {secondSubscription}; the service would silently replace the first. Keep one subscription per tenant per registration.");

    /// <summary>PRV028: one customer subscription claimed by two tenant ids on one registration.</summary>
    public static Diagnostic SubscriptionClaimedTwice(SourceSpan span, string registration, string subscription, string firstTenantKey, string secondTenantKey) =>
        Error(span, "PRV028", $"Subscription {subscription} on registration '{registration}' is claimed by tenant '{firstTenantKey}' and by tenant '{secondTenantKey}' with a different tenant id.");

    /// <summary>PRV029: the same mapping is declared twice.</summary>
    public static Diagnostic MappingDeclaredTwice(SourceSpan span, string registration, string subscription, string firstTenantKey) =>
        Error(span, "PRV029", $"The mapping of subscription {subscription} on registration '{registration}' is already declared by tenant '{firstTenantKey}'.");

    /// <summary>PRV030: two registration keys name the same ARM registration.</summary>
    public static Diagnostic RegistrationDeclaredTwice(SourceSpan span, string key, string firstKey) =>
        Error(span, "PRV030", $"Registration '{key}' names the same ARM registration as '{firstKey}'.");

    /// <summary>PRV031: the stack declares no registrations.</summary>
    public static Diagnostic NoRegistrations(SourceSpan span, string key) =>
        Warning(span, "PRV031", $"No registrations are declared under '{key}'; nothing can be mapped.");

    /// <summary>PRV032: the stack declares no tenants.</summary>
    public static Diagnostic NoTenants(SourceSpan span, string key) =>
        Warning(span, "PRV032", $"No tenants are declared under '{key}'; the stack manages no mapping (up then deletes every mapping it manages).");

    /// <summary>PRV033: a tenant lists no registrations.</summary>
    public static Diagnostic TenantWithoutRegistrations(SourceSpan span, string tenant) =>
        Warning(span, "PRV033", $"Tenant '{tenant}' lists no registrations; it is not mapped anywhere.");

    /// <summary>PRV034: a file holds more than one YAML document.</summary>
    public static Diagnostic MultipleDocuments(SourceSpan span) =>
        Error(span, "PRV034", "The file holds more than one YAML document ('---'); keep one.");

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Hint(string? suggestion) => suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";

    private static Diagnostic Error(SourceSpan span, string code, string message) => new(span, Severity.Error, code, message);

    /// <summary>An error whose cause is the environment (a file system, the network, Azure), not the input: exit code 1.</summary>
    private static Diagnostic Fault(SourceSpan span, string code, string message) => new(span, Severity.Error, code, message) { Origin = DiagnosticOrigin.Environment };

    private static Diagnostic Warning(SourceSpan span, string code, string message) => new(span, Severity.Warning, code, message);
}
