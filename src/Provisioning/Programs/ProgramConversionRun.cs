using Provisioning.AzureStack;
using Provisioning.Config;
using Provisioning.Diagnostics;

namespace Provisioning.Programs;

/// <summary>One conversion of a program's message: the program's problems, the resources' references, then registrations and mappings.</summary>
internal sealed partial class ProgramConversionRun(ProgramMessage message, ProgramConversionOptions options)
{
    private readonly List<Diagnostic> _diagnostics = [];

    // Every resource by URN (the first of duplicates), and the registrations read from TenantRegistration components.
    private readonly Dictionary<string, ProgramResource> _byUrn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Registration?> _registrationsByUrn = new(StringComparer.Ordinal);
    private readonly List<Registration> _registrations = [];

    public ProgramConversion Run()
    {
        if (message.Project != options.Project || message.Stack != options.Stack)
        {
            // Nothing in a message for another stack can be trusted: refuse it whole.
            return new ProgramConversion(null, [DiagnosticCatalog.ProgramMessageOtherStack(SourceSpan.WholeFile(options.ProgramName), message.Project, message.Stack, options.Project, options.Stack)], []);
        }

        ReportProblems();
        var resources = IndexResources();
        CheckReferences(resources);
        foreach (var resource in resources.Where(r => r.Type == TenantRegistration.ComponentType))
        {
            ReadRegistration(resource);
        }

        var mappings = new List<MappingEntry>();
        foreach (var resource in resources.Where(r => r.Type != TenantRegistration.ComponentType))
        {
            if (resource.Type == TenantRegistration.CustomerSubscriptionType)
            {
                if (ReadMapping(resource) is { } mapping)
                {
                    mappings.Add(mapping);
                }
            }
            else if (resource.Custom)
            {
                _diagnostics.Add(DiagnosticCatalog.ProgramResourceTypeUnknown(SpanOf(resource.Source), resource.Name, resource.Type, TenantRegistration.CustomerSubscriptionType));
            }
        }

        var tenants = GroupTenants(mappings);
        _diagnostics.AddRange(DomainRules.Check(_registrations, tenants));
        if (message.Problems.Count == 0 && !_diagnostics.Any(d => d.Level == Severity.Error))
        {
            WarnWhenEmpty(tenants);
        }

        var ordered = _diagnostics
            .OrderBy(d => d.Span.Line == 0 ? 1 : 0)
            .ThenBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ToList();
        var stack = ordered.Any(d => d.Level == Severity.Error)
            ? null
            : new StackDefinition(options.Project, options.Stack, options.Cloud, _registrations, tenants, options.BackendUrl);
        return new ProgramConversion(stack, ordered, message.Outputs);
    }

    private void ReportProblems()
    {
        var stackFile = StackLoader.StackFileName(options.Stack);
        foreach (var problem in message.Problems)
        {
            var span = SpanOf(problem.Source);
            _diagnostics.Add(problem.Kind switch
            {
                ProgramProblemKind.ConfigMissing => DiagnosticCatalog.ProgramConfigMissing(span, problem.Key ?? string.Empty, stackFile),
                ProgramProblemKind.ConfigInvalid => DiagnosticCatalog.ProgramConfigInvalid(span, problem.Key ?? string.Empty, problem.Message),
                ProgramProblemKind.Output => DiagnosticCatalog.ProgramOutputInvalid(span, problem.Key ?? string.Empty, problem.Message),
                _ => DiagnosticCatalog.ProgramThrew(span, problem.ExceptionType ?? "an exception", problem.Message, problem.StackTrace),
            });
        }
    }

    /// <summary>The resources with a URN of their own; each later one with a URN already seen is reported and left out.</summary>
    private List<ProgramResource> IndexResources()
    {
        var unique = new List<ProgramResource>(message.Resources.Count);
        foreach (var resource in message.Resources)
        {
            if (_byUrn.TryGetValue(resource.Urn, out var first))
            {
                _diagnostics.Add(DiagnosticCatalog.ProgramDuplicateUrn(SpanOf(resource.Source), resource.Urn, SpanOf(first.Source)));
                continue;
            }

            _byUrn.Add(resource.Urn, resource);
            unique.Add(resource);
        }

        return unique;
    }

    private void CheckReferences(List<ProgramResource> resources)
    {
        foreach (var resource in resources)
        {
            var span = SpanOf(resource.Source);
            if (resource.Parent is { } parent && !_byUrn.ContainsKey(parent))
            {
                _diagnostics.Add(DiagnosticCatalog.ProgramReferenceUnknown(span, resource.Name, "parent", parent));
            }

            foreach (var dependency in resource.Options.DependsOn.Where(d => !_byUrn.ContainsKey(d)))
            {
                _diagnostics.Add(DiagnosticCatalog.ProgramReferenceUnknown(span, resource.Name, "dependsOn", dependency));
            }

            if (resource.Options.IgnoreChanges.Count > 0)
            {
                _diagnostics.Add(DiagnosticCatalog.ProgramOptionIgnored(span, resource.Name, "ignoreChanges"));
            }
        }
    }

    private void WarnWhenEmpty(List<Tenant> tenants)
    {
        var program = SourceSpan.WholeFile(options.ProgramName);
        if (_registrations.Count == 0)
        {
            _diagnostics.Add(DiagnosticCatalog.NoRegistrations(program, options.ProgramName));
        }
        else if (tenants.Count == 0)
        {
            _diagnostics.Add(DiagnosticCatalog.NoTenants(program, options.ProgramName));
        }
    }

    /// <summary>The program's line as a place: relative to <see cref="ProgramConversionOptions.SourceRoot"/> when under it; caller info gives no column.</summary>
    private SourceSpan SpanOf(ProgramSource? source)
    {
        if (source is null)
        {
            return SourceSpan.WholeFile(options.ProgramName);
        }

        var file = source.File;
        if (options.SourceRoot is { } root && Path.IsPathFullyQualified(file))
        {
            var relative = Path.GetRelativePath(root, file);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathFullyQualified(relative))
            {
                file = relative;
            }
        }

        return new SourceSpan(file, source.Line, 1);
    }

    /// <summary>A value as a message may show it: at most 80 characters.</summary>
    private static string Shown(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "…");
}
