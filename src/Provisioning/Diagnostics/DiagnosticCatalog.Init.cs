namespace Provisioning.Diagnostics;

// Starting a project and adopting a fleet: `provision init` (a starter stack, or one written from what Azure holds with
// --from-azure) and `provision import --write` (the adopted tenants added to the stack file in place).
//
// | code   | level | origin      | meaning                                                                                   |
// |--------|-------|-------------|-------------------------------------------------------------------------------------------|
// | PRV240 | error | input       | init needs a value (--project, --stack, --subscription with --from-azure) and there is no terminal to ask |
// | PRV241 | error | input       | init would overwrite a file (the stack file, another project's Pulumi.yaml); --force overwrites it |
// | PRV242 | error | input       | init's --cloud is neither a known cloud nor an https:// ARM endpoint (plain http only on loopback) |
// | PRV243 | error | input       | init's --subscription is not a GUID, or its --resource-group is not a name ARM accepts     |
// | PRV244 | error | input       | init was given --subscription or --resource-group without --from-azure                    |
// | PRV245 | error | input       | the folder's Pulumi.yaml cannot take a YAML stack (a C# program, or unreadable); --force replaces it |
// | PRV246 | error | environment | the connection of the cloud cannot list registrations                                     |
// | PRV247 | error | input       | init --from-azure found no registration in the subscriptions (and resource group) given   |
// | PRV248 | error | input       | what Azure holds cannot be written as a valid stack file (the reasons follow)             |
// | PRV249 | error | environment | init or import --write could not write a file; what was written before is named           |
// | PRV250 | error | input       | import --write cannot edit the stack file in place here (an alias, a registrations value that is not a list…) |
// | PRV251 | error | input       | import --write would leave a stack file that is invalid or misses an imported mapping      |
// | PRV252 | error | input       | import --write on a C# program project: the program declares the tenants                  |
public static partial class DiagnosticCatalog
{
    /// <summary>PRV240: init needs a value that was not given, and nobody can be asked for it.</summary>
    public static Diagnostic InitValueMissing(string flag, string what) =>
        Error(SourceSpan.CommandLine, "PRV240", $"init needs {flag} ({what}); give it, or run init on an interactive terminal to be asked. Nothing was written.");

    /// <summary>PRV241: init would overwrite a file.</summary>
    public static Diagnostic InitFileExists(string file, string why) =>
        Error(SourceSpan.WholeFile(file), "PRV241", $"{file} already exists{why}; init does not overwrite it. Give --force to replace it, or choose another --stack or --cwd. Nothing was written.");

    /// <summary>PRV242: init's --cloud is not a cloud.</summary>
    public static Diagnostic InitCloudInvalid(string value, string? suggestion) =>
        Error(SourceSpan.CommandLine, "PRV242", $"--cloud '{Excerpt(value)}' is not a cloud: use AzureCloud, AzureChinaCloud, AzureUSGovernment, local, or an https:// ARM endpoint without credentials, query or fragment (plain http:// only to 127.0.0.1 or localhost).{Hint(suggestion)}");

    /// <summary>PRV243: init's --subscription or --resource-group has a value ARM would refuse.</summary>
    public static Diagnostic InitScopeInvalid(string flag, string value, string reason) =>
        Error(SourceSpan.CommandLine, "PRV243", $"{flag} '{Excerpt(value)}' cannot be used: {reason}");

    /// <summary>PRV244: init was given a flag that only --from-azure uses.</summary>
    public static Diagnostic InitFlagNeedsFromAzure(string flag) =>
        Error(SourceSpan.CommandLine, "PRV244", $"{flag} says where to read registrations from, which only init --from-azure does; add --from-azure, or leave {flag} out for an empty stack.");

    /// <summary>PRV245: the folder's project file cannot take a YAML stack.</summary>
    public static Diagnostic InitProjectFileUnusable(string file, string reason) =>
        Error(SourceSpan.WholeFile(file), "PRV245", $"{file} cannot take the stack init writes: {Excerpt(reason, 300)} Give --force to replace it, or run init in another --cwd. Nothing was written.");

    /// <summary>PRV246: the connection of the cloud cannot list registrations.</summary>
    public static Diagnostic RegistrationsNotListable(string endpoint) =>
        Fault(SourceSpan.CommandLine, "PRV246", $"The connection to {Excerpt(endpoint, 200)} cannot list Microsoft.AzureStack registrations, so init --from-azure cannot read the fleet. Nothing was written.");

    /// <summary>PRV247: init --from-azure found no registration where it looked.</summary>
    public static Diagnostic InitNoRegistrations(string where) =>
        Error(SourceSpan.CommandLine, "PRV247", $"No Microsoft.AzureStack registration was found in {Excerpt(where, 400)}. Check the subscription ids, --resource-group and --cloud (the registration lives in the subscription the stamp was registered with). Nothing was written.");

    /// <summary>PRV248: what Azure holds cannot be written as a valid stack file; the stack file's own diagnostics follow it.</summary>
    public static Diagnostic InitFleetNotDeclarable(string file, int problems) =>
        Error(SourceSpan.WholeFile(file), "PRV248", $"What Azure holds cannot be written as a valid {file}: {problems} problem(s) follow, placed in the file init would have written. Nothing was written.");

    /// <summary>PRV249: a file could not be written; <paramref name="written"/> says what was written before it.</summary>
    public static Diagnostic InitWriteFailed(string file, string reason, string written) =>
        Fault(SourceSpan.WholeFile(file), "PRV249", $"{file} could not be written ({Excerpt(reason, 300)}). {written}");

    /// <summary>PRV250: import --write cannot edit the stack file in place at <paramref name="span"/>.</summary>
    public static Diagnostic StackFileNotEditable(SourceSpan span, string reason) =>
        Error(span, "PRV250", $"import --write cannot add the imported tenants here: {Excerpt(reason, 400)} Edit this part by hand (import without --write prints the entries), then run import --write again. Nothing was imported.");

    /// <summary>PRV251: the edited stack file would be invalid or miss an imported mapping.</summary>
    public static Diagnostic StackFileEditInvalid(SourceSpan span, string reason) =>
        Error(span, "PRV251", $"import --write would leave a stack file that {Excerpt(reason, 400)}; the file was not changed and nothing was imported. Run import without --write to print the entries and add them by hand.");

    /// <summary>PRV252: import --write on a C# program project.</summary>
    public static Diagnostic ImportWriteNeedsYamlStack(string file) =>
        Error(SourceSpan.WholeFile(file), "PRV252", "import --write edits a YAML stack file, but this project is a C# program (runtime: dotnet), which declares its tenants itself: run import without --write and add the printed tenants to the program.");
}
