namespace Provisioning.ArmEmulator;

/// <summary>Settings of one ARM emulator instance; the defaults suit an in-process test host.</summary>
public sealed class ArmEmulatorOptions
{
    /// <summary>Gets or sets the loopback port to listen on; 0 (the default) lets the operating system choose.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets a value indicating whether the emulator serves HTTPS with a self-signed certificate (default true).</summary>
    public bool UseHttps { get; set; } = true;

    /// <summary>Gets or sets the JSON file the state is loaded from at start-up and saved to after every change; null (the default) keeps state in memory only.</summary>
    public string? DataFile { get; set; }

    /// <summary>Gets or sets the number of items in one page of a list response (default 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Gets or sets a value indicating whether a customer subscription PUT answers 201 with an empty body, as the seed document says, instead of 200 with the resource (default false).</summary>
    public bool PutReturnsCreated { get; set; }
}
