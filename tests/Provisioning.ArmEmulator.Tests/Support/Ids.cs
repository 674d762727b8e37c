namespace Provisioning.ArmEmulator.Tests;

/// <summary>Fresh GUID strings for subscription and tenant ids.</summary>
public static class Ids
{
    public static string New() => Guid.NewGuid().ToString();
}
