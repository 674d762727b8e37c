using Provisioning.Cli;
using Provisioning.Cli.Engine;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: stop sending, let requests in flight finish, save state. Second: terminate.
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

return await CliApp.RunAsync(args, CliConsole.FromProcess(), new DefaultProviderFactory(), cancellation.Token);
