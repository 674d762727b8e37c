using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Engine;

/// <content>The checks of init's input, all made before anything is contacted or written.</content>
public static partial class ProjectInit
{
    /// <summary>Whether <paramref name="name"/> may name a project or a stack: 1 to 100 ASCII letters, digits, '_', '.' and '-'.</summary>
    public static bool IsValidName(string? name) => Names.IsValid(name);

    /// <summary>
    /// Checks every input and returns the starter stack as the reader takes it (its cloud is what init connects to), the
    /// cloud text to write (null: the project file's default applies) and the project file to write, or the one kept.
    /// </summary>
    private static CheckedInput Check(string folder, InitOptions options)
    {
        var problems = new List<Diagnostic>();
        var namesValid = Names.IsValid(options.Project) & Names.IsValid(options.Stack);
        if (options.Project.Length == 0)
        {
            problems.Add(DiagnosticCatalog.InitValueMissing("--project", "the project name, Pulumi.yaml's name"));
        }
        else if (!Names.IsValid(options.Project))
        {
            problems.Add(DiagnosticCatalog.InvalidProjectName(SourceSpan.CommandLine, options.Project));
        }

        if (options.Stack.Length == 0)
        {
            problems.Add(DiagnosticCatalog.InitValueMissing("--stack", "the stack name, which names Pulumi.<stack>.yaml"));
        }
        else if (!Names.IsValid(options.Stack))
        {
            problems.Add(DiagnosticCatalog.InvalidStackName(SourceSpan.CommandLine, options.Stack));
        }

        if (options.Cloud is { } cloud && CloudProblem(cloud) is { } cloudProblem)
        {
            problems.Add(cloudProblem);
        }

        CheckScope(options, problems);
        if (File.Exists(folder))
        {
            problems.Add(DiagnosticCatalog.InvalidFlag($"--cwd '{DiagnosticCatalog.Excerpt(folder, 200)}' is a file; give the folder to write Pulumi.yaml in."));
        }

        // A path is built from the stack name only once it is known to be a name.
        var (projectText, kept, cloudDefault) = namesValid && !File.Exists(folder) ? CheckProjectFile(folder, options, problems) : (null, null, false);
        var stackFile = StackLoader.StackFileName(options.Stack);
        if (namesValid && !options.Force && (File.Exists(Path.Combine(folder, stackFile)) || Directory.Exists(Path.Combine(folder, stackFile))))
        {
            problems.Add(DiagnosticCatalog.InitFileExists(stackFile, string.Empty));
        }

        if (problems.Count > 0)
        {
            throw new DiagnosticException(problems);
        }

        // The starter read back with the project file it goes with: the cloud as every later run will take it.
        var cloudText = options.Cloud ?? (cloudDefault ? null : CloudSpec.AzureCloud.Name);
        var starter = StackFileText.Starter(options.Project, options.Stack, cloudText ?? CloudSpec.AzureCloud.Name);
        starter = cloudText is null ? WithoutCloudLine(starter, options.Project) : starter;
        var read = StackLoader.Parse(StackLoader.ProjectFileName, projectText ?? kept!, stackFile, starter, options.Stack);
        if (read.HasErrors)
        {
            throw new DiagnosticException([.. read.Diagnostics.Where(d => d.Level == Severity.Error)]);
        }

        return new CheckedInput(read.Stack!, starter, cloudText, projectText, kept);
    }

    private static void CheckScope(InitOptions options, List<Diagnostic> problems)
    {
        if (!options.FromAzure)
        {
            if (options.Subscriptions.Count > 0)
            {
                problems.Add(DiagnosticCatalog.InitFlagNeedsFromAzure("--subscription"));
            }

            if (options.ResourceGroup is not null)
            {
                problems.Add(DiagnosticCatalog.InitFlagNeedsFromAzure("--resource-group"));
            }

            return;
        }

        if (options.Subscriptions.Count == 0)
        {
            problems.Add(DiagnosticCatalog.InitValueMissing("--subscription", "the subscription whose registrations to read; repeat it for several"));
        }

        foreach (var subscription in options.Subscriptions)
        {
            if (!Names.IsGuid(subscription))
            {
                problems.Add(DiagnosticCatalog.InitScopeInvalid("--subscription", subscription, "a subscription id is a GUID like 6513270e-269e-4d37-b2a7-4de452e6b438 (hex digits and '-', no braces or spaces)."));
            }
            else if (subscription == Names.NilGuid)
            {
                problems.Add(DiagnosticCatalog.InitScopeInvalid("--subscription", subscription, "the nil GUID names no subscription."));
            }
        }

        if (options.ResourceGroup is { } group && ArmNameRules.CheckResourceGroup(group) is { } reason)
        {
            problems.Add(DiagnosticCatalog.InitScopeInvalid("--resource-group", group, reason));
        }
    }

    /// <summary>A cloud name or endpoint the stack file reader would refuse, as a problem of the flag.</summary>
    private static Diagnostic? CloudProblem(string cloud)
    {
        if (CloudSpec.Named.ContainsKey(cloud))
        {
            return null;
        }

        var endpoint = cloud.Contains("://", StringComparison.Ordinal)
            && !cloud.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            && Uri.TryCreate(cloud, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0;
        return endpoint ? null : DiagnosticCatalog.InitCloudInvalid(cloud, cloud.Contains("://", StringComparison.Ordinal) ? null : Suggestions.Closest(cloud, CloudSpec.Named.Keys));
    }

    /// <summary>
    /// The project file to write (null when the one there names the project and is kept), the one kept, and whether it
    /// gives a default cloud. One there that cannot take the stack is a problem unless <see cref="InitOptions.Force"/>.
    /// </summary>
    private static (string? Write, string? Kept, bool CloudDefault) CheckProjectFile(string folder, InitOptions options, List<Diagnostic> problems)
    {
        var write = StackFileText.ProjectFile(options.Project);
        var path = Path.Combine(folder, StackLoader.ProjectFileName);
        if (Directory.Exists(path))
        {
            problems.Add(DiagnosticCatalog.InitProjectFileUnusable(StackLoader.ProjectFileName, "it is a folder."));
            return (write, null, false);
        }

        if (!File.Exists(path))
        {
            return (write, null, false);
        }

        string existing;
        try
        {
            existing = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unless(options.Force, problems, DiagnosticCatalog.InitProjectFileUnusable(StackLoader.ProjectFileName, $"it cannot be read ({e.Message})."));
            return (write, null, false);
        }

        var diagnostics = new List<Diagnostic>();
        var project = SourceTreeReader.TryRead(StackLoader.ProjectFileName, existing, diagnostics, out var root)
            ? new ProjectFileReader(StackLoader.ProjectFileName, new NodeChecks(diagnostics)).Read(root)
            : ProjectFile.None(StackLoader.ProjectFileName);
        if (diagnostics.FirstOrDefault(d => d.Level == Severity.Error) is { } error)
        {
            Unless(options.Force, problems, DiagnosticCatalog.InitProjectFileUnusable(StackLoader.ProjectFileName, $"it is not valid ({error})."));
            return (write, null, false);
        }

        if (project.IsProgram)
        {
            Unless(options.Force, problems, DiagnosticCatalog.InitProjectFileUnusable(StackLoader.ProjectFileName, "it is a C# program (runtime: dotnet), whose stack files declare no registrations or tenants."));
            return (write, null, false);
        }

        if (project.Name != options.Project)
        {
            Unless(options.Force, problems, DiagnosticCatalog.InitFileExists(StackLoader.ProjectFileName, $" and names the project '{project.Name}'"));
            return (write, null, false);
        }

        // The project is the one asked for: kept as it is (its backend and defaults apply to the new stack), even with --force.
        return (null, existing, project.Config.TryGetValue(StackFileReader.CloudKey, out var cloud) && cloud is not null);
    }

    private static void Unless(bool force, List<Diagnostic> problems, Diagnostic problem)
    {
        if (!force)
        {
            problems.Add(problem);
        }
    }

    /// <summary>What the checks found: the starter stack as read back and its text, the cloud text to write, the project file to write or the one kept.</summary>
    private sealed record CheckedInput(StackDefinition Starter, string StarterText, string? CloudText, string? ProjectText, string? KeptProjectText);
}
