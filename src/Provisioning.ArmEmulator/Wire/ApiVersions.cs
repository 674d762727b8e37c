namespace Provisioning.ArmEmulator;

/// <summary>What differs between the api-versions the emulator serves.</summary>
internal static class ApiVersions
{
    /// <summary>The one api-version whose resources carry <c>systemData</c>.</summary>
    public const string WithSystemData = "2020-06-01-preview";

    /// <summary>Returns whether the request's api-version shows <c>systemData</c>.</summary>
    public static bool ShowsSystemData(HttpRequest request) =>
        string.Equals(request.Query["api-version"].ToString(), WithSystemData, StringComparison.OrdinalIgnoreCase);
}
