using Provisioning.Diagnostics;

namespace Provisioning.State;

/// <summary>The one place that decides whether a checkpoint or a journal record belongs to the expected stack.</summary>
internal static class StateIdentityCheck
{
    /// <summary>Throws PRV102 unless the header and every resource's URN (recorded and pending) name <paramref name="expected"/>.</summary>
    public static void Checkpoint(Checkpoint checkpoint, StateIdentity expected, string source, string what)
    {
        var found = StateIdentity.Of(checkpoint);
        if (found != expected)
        {
            throw new DiagnosticException(DiagnosticCatalog.ForeignState(source, what, found.ToString(), expected.ToString()));
        }

        var prefix = expected.UrnPrefix;
        foreach (var resource in checkpoint.Resources)
        {
            Resource(resource, prefix, expected, source, what);
        }

        foreach (var pending in checkpoint.Pending)
        {
            Resource(pending.Resource, prefix, expected, source, what);
        }
    }

    /// <summary>Throws PRV102 unless the resource's URN starts with <paramref name="prefix"/> (<see cref="StateIdentity.UrnPrefix"/>).</summary>
    public static void Resource(ResourceState resource, string prefix, StateIdentity expected, string source, string what, string? part = null)
    {
        if (!resource.Urn.Value.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new DiagnosticException(DiagnosticCatalog.ForeignState(
                source, what, $"stack '{resource.Urn.Stack}' of project '{resource.Urn.Project}' (its resource {DiagnosticCatalog.Excerpt(resource.Urn.Value, 200)} is)", expected.ToString(), part));
        }
    }

}
