namespace Provisioning.ArmEmulator;

/// <summary>Settings of one ARM emulator instance; the defaults suit an in-process test host.</summary>
public sealed class ArmEmulatorOptions
{
    /// <summary>Gets or sets the loopback port to listen on; 0 (the default) lets the operating system choose.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets a value indicating whether the emulator serves HTTPS with a self-signed certificate (default true).</summary>
    public bool UseHttps { get; set; } = true;

    /// <summary>Gets or sets the JSON file the state is loaded from at start-up and saved to after changes (see <see cref="SaveInterval"/>); null (the default) keeps state in memory only.</summary>
    public string? DataFile { get; set; }

    /// <summary>Gets or sets the shortest time between two saves of the data file: changes within it are written together, and disposing the emulator writes what is pending (default 200 ms; zero saves every change before answering).</summary>
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the number of items in one page of a list response (default 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Gets or sets a value indicating whether a customer subscription PUT answers 201 with an empty body, as the seed document says, instead of 200 with the resource (default false).</summary>
    public bool PutReturnsCreated { get; set; }

    /// <summary>Gets or sets ARM's throttling (on by default with ARM's bucket sizes).</summary>
    public ThrottlingOptions Throttling { get; set; } = new();

    /// <summary>Gets or sets the faults injected on purpose (none by default).</summary>
    public FaultOptions Faults { get; set; } = new();

    /// <summary>Gets or sets the clock of token refills, injected delays, data-file saves and <c>systemData</c> (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SaveInterval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(Throttling);
        ArgumentNullException.ThrowIfNull(Faults);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        Throttling.Validate();
        Faults.Validate();
    }
}
