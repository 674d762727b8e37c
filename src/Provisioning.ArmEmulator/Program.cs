using Provisioning.ArmEmulator;

// Standalone: `dotnet run --project src/Provisioning.ArmEmulator -- --urls https://127.0.0.1:8443`.
var (options, error) = EmulatorCommandLine.Parse(args);
if (options is null)
{
    var output = error is null ? Console.Out : Console.Error;
    if (error is not null)
    {
        output.WriteLine(error);
    }

    output.WriteLine(EmulatorCommandLine.Usage);
    return error is null ? 0 : 2;
}

// A run with faults is replayable only with its seed, so pick one and show it.
if (options.Faults.Enabled)
{
    options.Faults.Seed ??= Random.Shared.Next();
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });

await using var emulator = await ArmEmulator.StartAsync(options, stop.Token);
var thumbprint = emulator.Certificate is { } certificate ? $" certificate {certificate.Thumbprint}" : " (plain HTTP)";
Console.WriteLine($"ARM emulator listening on {emulator.BaseUri}{thumbprint}; Ctrl+C stops it.");
if (options.Faults.Enabled)
{
    Console.WriteLine($"Injecting faults with --fault-seed {options.Faults.Seed}.");
}

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM: fall through to dispose, which stops the server.
}

return 0;
