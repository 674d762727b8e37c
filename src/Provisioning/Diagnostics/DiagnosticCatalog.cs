namespace Provisioning.Diagnostics;

// Configuration: Pulumi.yaml and the stack files (PRV001-PRV099). Every problem the tool can report has a stable
// code that is never reused or renumbered; the other parts of the catalogue are the partial files beside this one
// (State PRV100-119, Azure PRV120-139, Plan PRV140-159, Run PRV160-199, Program PRV200-239), each with its own table.
//
// | code   | level   | meaning                                                                 |
// |--------|---------|-------------------------------------------------------------------------|
// | PRV001 | error   | the project file Pulumi.yaml is missing                                 |
// | PRV002 | error   | the stack file Pulumi.<stack>.yaml is missing                           |
// | PRV003 | error   | a file exists but cannot be read (or is a directory, or is too large)   |
// | PRV004 | error   | a file is not valid UTF-8                                               |
// | PRV005 | error   | YAML syntax error (at the parser's line and column)                     |
// | PRV006 | error   | a mapping key is defined twice                                          |
// | PRV007 | error   | wrong node type (e.g. a scalar where a mapping is expected)             |
// | PRV008 | error   | a required field is missing or has no value                             |
// | PRV009 | error   | unknown field (with a "did you mean" hint)                              |
// | PRV010 | warning | unknown key, ignored (top level of Pulumi.yaml or of the stack file)    |
// | PRV011 | error   | invalid project name                                                    |
// | PRV012 | error   | invalid stack name                                                      |
// | PRV013 | error   | backend url is not a valid file://<folder> or azblob://<container> url  |
// | PRV014 | error   | a config key has no namespace                                           |
// | PRV015 | error   | unknown key in the project's config namespace (with a hint)             |
// | PRV016 | error   | a value that must be a GUID is not one                                  |
// | PRV017 | error   | unknown cloud                                                           |
// | PRV018 | error   | a custom ARM endpoint is not https (plain http only to loopback)        |
// | PRV019 | -       | retired: a custom endpoint's token scope now defaults to {endpoint}/.default |
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
// | PRV035 | error   | a value holds whitespace, a line break, a control or invisible character |
// | PRV036 | error   | the nil GUID 00000000-0000-0000-0000-000000000000 where an id is needed  |
// | PRV037 | error   | a YAML tag other than !!str, !!seq, !!map or ! (e.g. !Ref, !!binary)    |
// | PRV038 | error   | YAML aliases expand to too many nodes (a "billion laughs")              |
// | PRV039 | error   | YAML nested deeper than the limit (checked while parsing)               |
// | PRV040 | error   | two mappings get the same URN ({registration}-{tenant} names collide)   |
// | PRV041 | error   | the registrations or tenants section is missing or null (not {})       |
// | PRV042 | error   | the stack file is empty (no content, or comments only)                  |
// | PRV043 | error   | the stack's keys are namespaced by another project name                 |
// | PRV044 | error   | a URL carries credentials (user:password@, sig=…); never echoed         |
// | PRV045 | error   | the tokenScope is neither an https URL nor a scope ending in /.default  |
// | PRV046 | error   | project-level config in Pulumi.yaml that cannot be honoured             |
// | PRV047 | error   | the stack file imports Pulumi ESC environments, whose values we cannot read |

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
        Error(SourceSpan.WholeFile(file), "PRV003", $"The file '{file}' cannot be read: {Excerpt(reason, MaxReasonLength)}");

    /// <summary>PRV004: a file is not valid UTF-8.</summary>
    public static Diagnostic NotUtf8(SourceSpan span) =>
        Error(span, "PRV004", "The file is not valid UTF-8; save it as UTF-8.");

    /// <summary>PRV005: YAML syntax error.</summary>
    public static Diagnostic YamlSyntax(SourceSpan span, string parserMessage) =>
        Error(span, "PRV005", $"YAML syntax error: {Excerpt(parserMessage, MaxReasonLength)}");

    /// <summary>PRV006: a mapping key is defined twice.</summary>
    public static Diagnostic DuplicateKey(SourceSpan span, string key, int firstLine) =>
        Error(span, "PRV006", $"The key '{Excerpt(key)}' is already defined on line {firstLine}.");

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
        Error(span, "PRV009", $"{Sentence(owner)} has an unknown field '{Excerpt(field)}'.{Hint(suggestion)}");

    /// <summary>PRV010: unknown key that is ignored.</summary>
    public static Diagnostic UnknownKeyIgnored(SourceSpan span, string key, string file, string? suggestion) =>
        Warning(span, "PRV010", $"The key '{Excerpt(key)}' is not known in {file} and is ignored.{Hint(suggestion)}");

    /// <summary>PRV011: invalid project name.</summary>
    public static Diagnostic InvalidProjectName(SourceSpan span, string name) =>
        Error(span, "PRV011", $"The project name '{Excerpt(name)}' is not valid: use up to 100 letters, digits, '_', '.' and '-'.");

    /// <summary>PRV012: invalid stack name.</summary>
    public static Diagnostic InvalidStackName(SourceSpan span, string stack) =>
        Error(span, "PRV012", $"The stack name '{Excerpt(stack)}' is not valid: use up to 100 letters, digits, '_', '.' and '-'.");

    /// <summary>PRV013: the backend url is not a valid <c>file://</c> or <c>azblob://</c> url; <paramref name="reason"/> says why.</summary>
    public static Diagnostic InvalidBackendUrl(SourceSpan span, string url, string reason) =>
        Error(span, "PRV013", $"The backend url '{Excerpt(url)}' is not valid: {reason} Use 'file://<folder>' (relative to Pulumi.yaml, or absolute) or 'azblob://<container>[/prefix][?account=NAME]'.");

    /// <summary>PRV014: a config key has no namespace.</summary>
    public static Diagnostic KeyWithoutNamespace(SourceSpan span, string key, string? project) =>
        Error(span, "PRV014", project is null
            ? $"The config key '{Excerpt(key)}' has no namespace; write it as '<project>:{Excerpt(key)}'."
            : $"The config key '{Excerpt(key)}' has no namespace. Did you mean '{project}:{Excerpt(key)}'?");

    /// <summary>PRV015: unknown key in the project's config namespace.</summary>
    public static Diagnostic UnknownConfigKey(SourceSpan span, string key, string? suggestion) =>
        Error(span, "PRV015", $"The config key '{Excerpt(key)}' is not known.{Hint(suggestion)}");

    /// <summary>PRV016: a value that must be a GUID is not one; a character that only looks ASCII (a Unicode dash, a full-width digit) is named.</summary>
    public static Diagnostic NotAGuid(SourceSpan span, string field, string value)
    {
        var foreign = value.FirstOrDefault(c => c > '\u007f');
        var detail = foreign == default ? string.Empty : $" It contains {CharacterName(foreign)}, which is not an ASCII hex digit or '-'.";
        return Error(span, "PRV016", $"'{field}' must be a GUID of 36 characters like 6513270e-269e-4d37-b2a7-4de452e6b438 (hex digits and '-', no braces), not '{Excerpt(value)}'.{detail}");
    }

    /// <summary>PRV017: unknown cloud.</summary>
    public static Diagnostic InvalidCloud(SourceSpan span, string value, string? suggestion) =>
        Error(span, "PRV017", $"The cloud '{Excerpt(value)}' is not known: use AzureCloud, AzureChinaCloud, AzureUSGovernment, local or an https:// ARM endpoint.{Hint(suggestion)}");

    /// <summary>PRV018: a custom ARM endpoint is not https.</summary>
    public static Diagnostic EndpointNotHttps(SourceSpan span, string value) =>
        Error(span, "PRV018", $"The ARM endpoint '{Excerpt(value)}' must use https; plain http is allowed only to 127.0.0.1 or localhost.");

    /// <summary>PRV020: a token scope given for a named cloud is ignored.</summary>
    public static Diagnostic TokenScopeIgnored(SourceSpan span, string cloud) =>
        Warning(span, "PRV020", $"The token scope is ignored: the cloud '{cloud}' has its own.");

    /// <summary>PRV021: a value that must be a boolean is not one (YAML 1.2 core schema: true/True/TRUE, false/False/FALSE).</summary>
    public static Diagnostic NotABool(SourceSpan span, string field, string value) =>
        Error(span, "PRV021", $"'{field}' must be true or false, not '{Excerpt(value)}'.{(value.ToUpperInvariant() is "YES" or "NO" or "ON" or "OFF" or "Y" or "N" ? " YAML 1.2 reads yes/no/on/off as text, not as a boolean." : string.Empty)}");

    /// <summary>PRV022: a registration or tenant key is not a valid name.</summary>
    public static Diagnostic InvalidKeyName(SourceSpan span, string kind, string key) =>
        Error(span, "PRV022", $"The {kind} key '{Excerpt(key)}' is not valid: use up to 100 letters, digits, '_', '.' and '-'.");

    /// <summary>PRV023: invalid resource group name.</summary>
    public static Diagnostic InvalidResourceGroup(SourceSpan span, string value, string reason) =>
        Error(span, "PRV023", $"The resource group '{Excerpt(value)}' is not valid: {reason}");

    /// <summary>PRV024: invalid registration name.</summary>
    public static Diagnostic InvalidRegistrationName(SourceSpan span, string value, string reason) =>
        Error(span, "PRV024", $"The registration name '{Excerpt(value)}' is not valid: {reason}");

    /// <summary>PRV025: a tenant refers to an undeclared registration.</summary>
    public static Diagnostic UnknownRegistration(SourceSpan span, string tenant, string registration, string? suggestion) =>
        Error(span, "PRV025", $"Tenant '{Excerpt(tenant)}' refers to the registration '{Excerpt(registration)}', which is not declared.{Hint(suggestion)}");

    /// <summary>PRV026: a tenant lists the same registration twice.</summary>
    public static Diagnostic RegistrationListedTwice(SourceSpan span, string tenant, string registration) =>
        Error(span, "PRV026", $"Tenant '{Excerpt(tenant)}' lists the registration '{registration}' more than once.");

    /// <summary>PRV027: the overwrite trap: one tenant id, two customer subscriptions, one registration.</summary>
    public static Diagnostic TenantOverwrite(SourceSpan span, string registration, string tenantId, string firstSubscription, string secondSubscription, string firstTenantKey) =>
        Error(span, "PRV027", $"Tenant id {tenantId} is mapped on registration '{registration}' to subscription {firstSubscription} (tenant '{Excerpt(firstTenantKey)}') and to {secondSubscription}; the service would silently replace the first. Keep one subscription per tenant per registration.");

    /// <summary>PRV028: one customer subscription claimed by two tenant ids on one registration.</summary>
    public static Diagnostic SubscriptionClaimedTwice(SourceSpan span, string registration, string subscription, string firstTenantKey, string secondTenantKey) =>
        Error(span, "PRV028", $"Subscription {subscription} on registration '{registration}' is claimed by tenant '{Excerpt(firstTenantKey)}' and by tenant '{Excerpt(secondTenantKey)}' with a different tenant id.");

    /// <summary>PRV029: the same mapping is declared twice.</summary>
    public static Diagnostic MappingDeclaredTwice(SourceSpan span, string registration, string subscription, string firstTenantKey) =>
        Error(span, "PRV029", $"The mapping of subscription {subscription} on registration '{registration}' is already declared by tenant '{Excerpt(firstTenantKey)}'.");

    /// <summary>PRV030: two registration keys name the same ARM registration.</summary>
    public static Diagnostic RegistrationDeclaredTwice(SourceSpan span, string key, string firstKey) =>
        Error(span, "PRV030", $"Registration '{Excerpt(key)}' names the same ARM registration as '{Excerpt(firstKey)}'.");

    /// <summary>PRV031: the stack declares no registrations (an explicit empty mapping).</summary>
    public static Diagnostic NoRegistrations(SourceSpan span, string key) =>
        Warning(span, "PRV031", $"No registrations are declared under '{Excerpt(key)}'; nothing can be mapped.");

    /// <summary>PRV032: the stack declares no tenants (an explicit empty mapping: legal, the stack then manages nothing).</summary>
    public static Diagnostic NoTenants(SourceSpan span, string key) =>
        Warning(span, "PRV032", $"No tenants are declared under '{Excerpt(key)}'; the stack manages no mapping (up then deletes every mapping it manages).");

    /// <summary>PRV033: a tenant lists no registrations.</summary>
    public static Diagnostic TenantWithoutRegistrations(SourceSpan span, string tenant) =>
        Warning(span, "PRV033", $"Tenant '{Excerpt(tenant)}' lists no registrations; it is not mapped anywhere.");

    /// <summary>PRV034: a file holds more than one YAML document.</summary>
    public static Diagnostic MultipleDocuments(SourceSpan span) =>
        Error(span, "PRV034", "The file holds more than one YAML document ('---'); keep one.");

    /// <summary>PRV035: a value holds whitespace, a line break, a control or an invisible character that ARM (or a path) would see differently.</summary>
    public static Diagnostic NotAStrictValue(SourceSpan span, string field, string value, int index) =>
        Error(span, "PRV035", $"'{Excerpt(field)}' is '{Excerpt(value)}', which holds {CharacterName(value[index])} at character {index + 1}; values are used exactly as written, so remove it{(value[index] == '\n' ? " (a block scalar '|' or '>' keeps a final line break: write the value on one line)" : string.Empty)}.");

    /// <summary>PRV036: the nil GUID where a real id is needed.</summary>
    public static Diagnostic NilGuid(SourceSpan span, string field) =>
        Error(span, "PRV036", $"'{field}' is the nil GUID 00000000-0000-0000-0000-000000000000, which names no tenant or subscription; write the real id.");

    /// <summary>PRV037: a YAML tag that is not supported (only !!str, !!seq, !!map and the non-specific ! are).</summary>
    public static Diagnostic UnsupportedTag(SourceSpan span, string tag) =>
        Error(span, "PRV037", $"The YAML tag '{Excerpt(tag)}' is not supported: provision reads plain text values, lists and mappings; remove the tag (only !!str, !!seq, !!map and ! are accepted).");

    /// <summary>PRV038: YAML aliases expand to more nodes than the limit.</summary>
    public static Diagnostic AliasExpansionTooLarge(SourceSpan span, int limit) =>
        Error(span, "PRV038", $"The YAML aliases ('*name') expand to more than {limit:N0} nodes; write the values out instead of nesting aliases.");

    /// <summary>PRV039: YAML nested deeper than the limit.</summary>
    public static Diagnostic NestingTooDeep(SourceSpan span, int limit) =>
        Error(span, "PRV039", $"The YAML is nested more than {limit} levels deep here; a stack file needs a handful. Check brackets and indentation.");

    /// <summary>
    /// PRV040: two resources get the same URN: a mapping's name is <c>{registration}-{tenant}</c>, so keys <c>a-b</c>+<c>c</c>
    /// and <c>a</c>+<c>b-c</c> collide; a registration's is its key. Compared ignoring case. <paramref name="what"/> and
    /// <paramref name="first"/> describe the two ("tenant 'c' on registration 'a-b'").
    /// </summary>
    public static Diagnostic UrnCollision(SourceSpan span, string name, string what, string first, int firstLine) =>
        Error(span, "PRV040", $"{Sentence(what)} gets the resource name '{Excerpt(name)}', already given to {first} on line {firstLine}; every URN must be unique, ignoring case: rename one of the keys.");

    /// <summary>PRV041: a required section (registrations or tenants) is missing or null; an explicit empty mapping <c>{}</c> is the way to declare none.</summary>
    public static Diagnostic SectionMissing(SourceSpan span, string key, bool present) =>
        Error(span, "PRV041", present
            ? $"'{key}' has no value; a stack that means to declare none writes '{key}: {{}}' (to delete every mapping, use 'provision destroy')."
            : $"The stack file has no '{key}'; a stack that means to declare none writes '{key}: {{}}' (to delete every mapping, use 'provision destroy'). Was the file cut short?");

    /// <summary>PRV042: the stack file is empty or holds only comments.</summary>
    public static Diagnostic StackFileEmpty(string file) =>
        Error(new SourceSpan(file, 1, 1), "PRV042", $"The stack file '{file}' is empty (no 'config:'); declare the registrations and tenants, or use 'provision destroy' to remove everything the stack manages.");

    /// <summary>PRV043: the stack's keys are namespaced by another project name than the one in Pulumi.yaml.</summary>
    public static Diagnostic ForeignNamespace(SourceSpan span, string key, string project, SourceSpan projectSpan) =>
        Error(span, "PRV043", $"The key '{Excerpt(key)}' belongs to the project '{Excerpt(key[..Math.Max(0, key.IndexOf(':', StringComparison.Ordinal))])}', but {projectSpan} names the project '{project}'; rename the keys to '{project}:…' or the project back (was the project renamed?).");

    /// <summary>PRV044: a URL carries credentials; the message shows it with the secret part replaced.</summary>
    public static Diagnostic CredentialsInUrl(SourceSpan span, string field, string value) =>
        Error(span, "PRV044", $"'{Excerpt(field)}' holds a URL with credentials ('{Excerpt(value)}'); never write secrets in these files: sign-in comes from --credential, storage access from Azure.Identity or AZURE_STORAGE_CONNECTION_STRING.");

    /// <summary>PRV045: the token scope is neither an https URL nor a scope ending in /.default.</summary>
    public static Diagnostic InvalidTokenScope(SourceSpan span, string value) =>
        Error(span, "PRV045", $"The token scope '{Excerpt(value)}' is not valid: give an https:// URL (the audience) or a scope ending in '/.default'; without one, a custom endpoint's scope is '{{endpoint}}/.default'.");

    /// <summary>PRV046: project-level config in Pulumi.yaml that cannot be honoured.</summary>
    public static Diagnostic ProjectConfigUnsupported(SourceSpan span, string key, string reason) =>
        Error(span, "PRV046", $"The project-level config '{Excerpt(key)}' in Pulumi.yaml cannot be used: {reason}");

    /// <summary>PRV047: the stack file imports Pulumi ESC environments; the config they would add cannot be read, so the stack would not mean what it says.</summary>
    public static Diagnostic EnvironmentUnsupported(SourceSpan span) =>
        Error(span, "PRV047", "The stack file imports Pulumi ESC environments ('environment'), whose config provision cannot read; write the values in the stack file instead.");

    /// <summary>The longest value a message quotes; longer ones are cut with '…'.</summary>
    public const int MaxValueLength = 80;

    private const int MaxReasonLength = 300;

    /// <summary>
    /// A value as every message shows it: credentials in URLs replaced by '***', control characters escaped
    /// (<c>\n</c>, <c>\u0000</c>; line breaks kept when <paramref name="keepLineBreaks"/>, for a compiler's output), and cut
    /// to <paramref name="max"/> characters with '…' (a 10 MB value is never echoed).
    /// </summary>
    public static string Excerpt(string value, int max = MaxValueLength, bool keepLineBreaks = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Redact the whole value before cutting it: a long password must not show through the cut.
        var redacted = value.Contains("://", StringComparison.Ordinal) || value.Contains('=', StringComparison.Ordinal) ? Redact(value) : value;
        var cut = redacted.Length > max * 4 ? redacted[..(max * 4)] : redacted;
        var text = new System.Text.StringBuilder(cut.Length);
        foreach (var c in cut)
        {
            text.Append(c switch
            {
                '\n' or '\r' when keepLineBreaks => c.ToString(),
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Length > max || cut.Length < redacted.Length ? string.Concat(text.ToString().AsSpan(0, Math.Min(max, text.Length)), "…") : text.ToString();
    }

    /// <summary>The text with the user-info of every URL (<c>user:pass@</c>) and the values of secret-like query parameters (<c>sig=</c>…) replaced by <c>***</c>.</summary>
    public static string Redact(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SecretQuery().Replace(UserInfo().Replace(value, "://***@"), "$1***");
    }

    /// <summary>True when <paramref name="value"/> holds a URL with user-info or a secret-like query parameter.</summary>
    public static bool HasCredentials(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return UserInfo().IsMatch(value) || SecretQuery().IsMatch(value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"://[^/?#@\s]*@")]
    private static partial System.Text.RegularExpressions.Regex UserInfo();

    [System.Text.RegularExpressions.GeneratedRegex(@"([?&;](?:sig|signature|password|pwd|passwd|secret|token|access_token|client_secret|key|accountkey|sas|code)=)[^&#\s]*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SecretQuery();

    private static string CharacterName(char c) => c switch
    {
        '\n' => "a line break (\\n)",
        '\r' => "a carriage return (\\r)",
        '\t' => "a tab",
        ' ' => "a space",
        '\u00a0' => "a no-break space (U+00A0)",
        '\ufeff' => "a byte order mark (U+FEFF)",
        _ when char.IsControl(c) => $"the control character U+{(int)c:X4}",
        _ when char.IsWhiteSpace(c) => $"the space character U+{(int)c:X4}",
        _ when char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format => $"the invisible character U+{(int)c:X4}",
        _ => $"'{c}' (U+{(int)c:X4})",
    };

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Hint(string? suggestion) => suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";

    private static Diagnostic Error(SourceSpan span, string code, string message) => new(span, Severity.Error, code, message);

    /// <summary>An error whose cause is the environment (a file system, the network, Azure), not the input: exit code 1.</summary>
    private static Diagnostic Fault(SourceSpan span, string code, string message) => new(span, Severity.Error, code, message) { Origin = DiagnosticOrigin.Environment };

    private static Diagnostic Warning(SourceSpan span, string code, string message) => new(span, Severity.Warning, code, message);
}
