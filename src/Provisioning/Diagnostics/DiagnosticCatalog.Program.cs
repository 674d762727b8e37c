namespace Provisioning.Diagnostics;

// C# programs on Provisioning.Sdk: the message a program writes (docs/program-contract.md), what it declared, what it met.
// The domain rules (GUIDs, names, overwrite trap, a subscription claimed twice…) keep their PRV0xx codes for programs too.
//
// | code   | level   | origin | meaning                                                                                       |
// |--------|---------|--------|-----------------------------------------------------------------------------------------------|
// | PRV200 | error   | input  | the program's message is damaged: not JSON, truncated, a field of the wrong type, an unknown field |
// | PRV201 | error   | input  | the program's message has a format version this provision does not read (a newer SDK)          |
// | PRV202 | error   | input  | a field of the program's message is missing or has an invalid value                            |
// | PRV203 | error   | input  | the program's message is for another project or stack                                          |
// | PRV204 | error   | input  | a required config value is missing                                                             |
// | PRV205 | error   | input  | a config value cannot be read as the program asked (not a number, a boolean, the object's shape) |
// | PRV206 | error   | input  | the program threw an exception                                                                 |
// | PRV207 | error   | input  | a custom resource of a type the engine does not manage                                         |
// | PRV208 | error   | input  | a CustomerSubscription whose parent is not a TenantRegistration                                |
// | PRV209 | error   | input  | a resource lacks a required input                                                              |
// | PRV210 | error   | input  | two resources have the same URN (a name declared twice)                                        |
// | PRV211 | warning |        | the engine's URN for a resource differs from the program's (the model has no place for its shape) |
// | PRV212 | error   | input  | a parent or a dependsOn names a resource the program did not declare                           |
// | PRV213 | warning |        | a resource option the engine does not honour yet is ignored                                    |
// | PRV214 | error   | input  | a CustomerSubscription names another registration than its parent TenantRegistration           |
// | PRV215 | error   | input  | a stack output cannot be written as JSON                                                       |
// | PRV216 | error   | input  | a resource's input starts or ends with whitespace (ARM would see another value)                |
// | PRV220 | error   | input  | the program does not build (the compiler's errors follow)                                      |
// | PRV221 | error   | input  | the program exited without writing its message (never called Deployment.RunAsync, or crashed)  |
// | PRV222 | error   | input  | the program ran past its timeout and was stopped                                               |
// | PRV223 | error   | environment | the program could not be started (no dotnet, no project file)                             |
// | PRV224 | error   | input  | a program's stack file declares registrations or tenants (the program declares them)            |
// | PRV225 | error   | input  | the program's project file cannot be found: no .csproj, several, or `main:` names none          |
// | PRV226 | error   | input  | PROVISION_PROGRAM_TIMEOUT is not a whole number of seconds between 1 and 86400                 |
// | PRV227 | error   | input  | an inline program was given for a project whose Pulumi.yaml does not say `runtime: dotnet`     |
public static partial class DiagnosticCatalog
{
    /// <summary>PRV200: the program's message is damaged (not JSON, truncated, a field of the wrong type, an unknown field).</summary>
    public static Diagnostic ProgramMessageDamaged(SourceSpan span, string reason) =>
        Error(span, "PRV200", $"The program's message is damaged: {Excerpt(reason, 300)} Rebuild the program against the Provisioning.Sdk that matches this provision, and run it again.");

    /// <summary>PRV201: the program's message has a format version this provision does not read.</summary>
    public static Diagnostic ProgramMessageFormatUnknown(SourceSpan span, string format, string known) =>
        Error(span, "PRV201", $"The program's message has the format '{Excerpt(format, 60)}', which this provision does not read (it reads '{known}'). Use a provision as new as the program's Provisioning.Sdk, or reference an older Provisioning.Sdk.");

    /// <summary>PRV202: a field of the program's message is missing or has an invalid value.</summary>
    public static Diagnostic ProgramMessageInvalidField(SourceSpan span, string path, string problem) =>
        Error(span, "PRV202", $"The program's message is invalid at '{path}': {Excerpt(problem, 300)}");

    /// <summary>PRV203: the program's message is for another project or stack than the one being run.</summary>
    public static Diagnostic ProgramMessageOtherStack(SourceSpan span, string messageProject, string messageStack, string project, string stack) =>
        Error(span, "PRV203", $"The program's message is for stack '{Excerpt(messageProject, 80)}/{Excerpt(messageStack, 80)}', not '{project}/{stack}'; it was not written by this run. Nothing was changed.");

    /// <summary>PRV204: a required config value is missing.</summary>
    public static Diagnostic ProgramConfigMissing(SourceSpan span, string key, string stackFile) =>
        Error(span, "PRV204", $"The program requires the config value '{Excerpt(key, 120)}', which {stackFile} does not set. Add it under 'config:' (or make the program use Get instead of Require).");

    /// <summary>PRV205: a config value cannot be read as the program asked.</summary>
    public static Diagnostic ProgramConfigInvalid(SourceSpan span, string key, string reason) =>
        Error(span, "PRV205", $"The config value '{Excerpt(key, 120)}' cannot be read by the program: {Excerpt(reason, 300)}");

    /// <summary>PRV206: the program threw an exception.</summary>
    public static Diagnostic ProgramThrew(SourceSpan span, string exceptionType, string message, string? stackTrace) =>
        Error(span, "PRV206", $"The program threw {Excerpt(exceptionType, 120)}: {Excerpt(message, 500)}{(string.IsNullOrWhiteSpace(stackTrace) ? string.Empty : Environment.NewLine + Excerpt(stackTrace, 1500))}");

    /// <summary>PRV207: a custom resource of a type the engine does not manage.</summary>
    public static Diagnostic ProgramResourceTypeUnknown(SourceSpan span, string name, string type, string known) =>
        Error(span, "PRV207", $"The resource '{Excerpt(name, 120)}' has the type '{Excerpt(type, 120)}', which this engine does not manage; it manages '{known}'.");

    /// <summary>PRV208: a CustomerSubscription whose parent is not a TenantRegistration.</summary>
    public static Diagnostic ProgramParentNotRegistration(SourceSpan span, string name, string parentType) =>
        Error(span, "PRV208", $"The CustomerSubscription '{Excerpt(name, 120)}' has a parent of type '{Excerpt(parentType, 120)}'; its parent must be a TenantRegistration, or it has none and names its registration itself.");

    /// <summary>PRV209: a resource lacks a required input.</summary>
    public static Diagnostic ProgramInputMissing(SourceSpan span, string name, string input) =>
        Error(span, "PRV209", $"The resource '{Excerpt(name, 120)}' has no '{input}'; it is required.");

    /// <summary>PRV210: two resources have the same URN.</summary>
    public static Diagnostic ProgramDuplicateUrn(SourceSpan span, string urn, SourceSpan first) =>
        Error(span, "PRV210", $"The resource '{Excerpt(urn, 300)}' is declared twice (first at {first}); give each resource its own name.");

    /// <summary>PRV211: the engine's URN for a resource differs from the program's.</summary>
    public static Diagnostic ProgramUrnDiffers(SourceSpan span, string programUrn, string engineUrn, string why) =>
        Warning(span, "PRV211", $"The resource '{Excerpt(programUrn, 300)}' is managed as '{Excerpt(engineUrn, 300)}': {why}");

    /// <summary>PRV212: a parent or a dependsOn names a resource the program did not declare.</summary>
    public static Diagnostic ProgramReferenceUnknown(SourceSpan span, string name, string role, string urn) =>
        Error(span, "PRV212", $"The {role} of '{Excerpt(name, 120)}' is '{Excerpt(urn, 300)}', which the program did not declare.");

    /// <summary>PRV213: a resource option the engine does not honour yet is ignored.</summary>
    public static Diagnostic ProgramOptionIgnored(SourceSpan span, string name, string option) =>
        Warning(span, "PRV213", $"The option '{option}' of '{Excerpt(name, 120)}' is not supported by the engine yet and is ignored.");

    /// <summary>PRV214: a CustomerSubscription names another registration than its parent TenantRegistration.</summary>
    public static Diagnostic ProgramRegistrationMismatch(SourceSpan span, string name, string input, string value, string parent, string parentValue) =>
        Error(span, "PRV214", $"The CustomerSubscription '{Excerpt(name, 120)}' has {input} '{Excerpt(value, 120)}', but its parent TenantRegistration '{Excerpt(parent, 120)}' has '{Excerpt(parentValue, 120)}'.");

    /// <summary>PRV215: a stack output cannot be written as JSON.</summary>
    public static Diagnostic ProgramOutputInvalid(SourceSpan span, string name, string reason) =>
        Error(span, "PRV215", $"The stack output '{Excerpt(name, 120)}' cannot be written: {Excerpt(reason, 300)}");

    /// <summary>PRV216: an input starts or ends with whitespace.</summary>
    public static Diagnostic ProgramInputWhitespace(SourceSpan span, string name, string input, string value) =>
        Error(span, "PRV216", $"The '{input}' of '{Excerpt(name, 120)}' is '{Excerpt(value, 120)}', with whitespace around it; ARM would take it as another name. Remove the spaces (e.g. trim what you read from a file).");

    /// <summary>PRV220: the program does not build; <paramref name="compilerOutput"/> is the compiler's errors.</summary>
    public static Diagnostic ProgramBuildFailed(SourceSpan span, string compilerOutput) =>
        Error(span, "PRV220", $"The program does not build; nothing was changed.{Environment.NewLine}{Excerpt(compilerOutput, 4000, keepLineBreaks: true)}");

    /// <summary>PRV221: the program exited without writing its message.</summary>
    public static Diagnostic ProgramWroteNoMessage(SourceSpan span, int exitCode) =>
        Error(span, "PRV221", $"The program exited with code {exitCode} without handing its resources to provision; does it call 'await Deployment.RunAsync(...)'? Nothing was changed.");

    /// <summary>PRV222: the program ran past its timeout and was stopped.</summary>
    public static Diagnostic ProgramTimedOut(SourceSpan span, TimeSpan timeout) =>
        Error(span, "PRV222", $"The program ran longer than {timeout.TotalSeconds:0} s and was stopped; nothing was changed.");

    /// <summary>PRV223: the program could not be started.</summary>
    public static Diagnostic ProgramNotStarted(SourceSpan span, string reason) =>
        Fault(span, "PRV223", $"The program could not be started: {Excerpt(reason, 400)}");

    /// <summary>PRV224: a program's stack file declares registrations or tenants, which the program declares.</summary>
    public static Diagnostic ProgramStackDeclaresResources(SourceSpan span, string key, string main) =>
        Error(span, "PRV224", $"'{Excerpt(key, 120)}' is not read for a C# program (Pulumi.yaml says 'runtime: dotnet'): {Excerpt(main, 120)} declares the registrations and tenants. Move them into the program (or into config the program reads under another key), or remove 'runtime: dotnet' to use this file as a YAML stack.");

    /// <summary>PRV225: the program's project file cannot be found (none, several, or <c>main:</c> names none).</summary>
    public static Diagnostic ProgramProjectNotFound(SourceSpan span, string reason) =>
        Error(span, "PRV225", $"The program cannot be found: {Excerpt(reason, 400)} Set 'main:' in Pulumi.yaml to the program's folder or its .csproj. Nothing was changed.");

    /// <summary>PRV226: the program timeout variable is not a whole number of seconds.</summary>
    public static Diagnostic ProgramTimeoutInvalid(string variable, string value) =>
        Error(SourceSpan.CommandLine, "PRV226", $"{variable} is '{Excerpt(value, 40)}'; it must be a whole number of seconds from 1 to 86400 (default 120). Nothing was changed.");

    /// <summary>PRV227: an inline program was given for a project that is not a program project.</summary>
    public static Diagnostic InlineProgramNeedsDotnet(SourceSpan span) =>
        Error(span, "PRV227", "An inline program was given, but Pulumi.yaml does not say 'runtime: dotnet': a YAML project declares its resources in its stack files. Set 'runtime: dotnet' (no 'main:' is needed for an inline program). Nothing was changed.");
}
