using Provisioning.Cli;
using Provisioning.Cli.Engine;

var console = CliConsole.FromProcess();
using var signals = ProcessSignals.Register(notice => Console.Error.WriteLine(notice));
return await CliApp.RunAsync(args, console, new DefaultProviderFactory(), () => signals.ExitCode, signals.Token);
