using System.Collections.Frozen;

namespace Provisioning.Azure;

/// <summary>
/// Which 404 answers mean "this resource (or, for a list, its parent registration) does not exist": only those whose ARM
/// code says so. A 404 from a wrong endpoint or path (<c>NoRegisteredProviderFound</c>, <c>InvalidResourceType</c>,
/// <c>SubscriptionNotFound</c>, <c>ResourceGroupNotFound</c>, a bare <c>NotFound</c>, or no ARM code at all) is a failure:
/// treating it as "missing" would let a DELETE count as done and a refresh forget every mapping.
/// </summary>
internal static class ArmNotFound
{
    private static readonly FrozenSet<string> MissingCodes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "ResourceNotFound",
        "ParentResourceNotFound",
        "RegistrationNotFound",
        "CustomerSubscriptionNotFound");

    /// <summary>True for a 404 whose ARM error code says the resource or its parent does not exist.</summary>
    public static bool MeansMissing(int status, string? code) =>
        status == 404 && code is not null && MissingCodes.Contains(code);
}
