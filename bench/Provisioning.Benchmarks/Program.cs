using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Provisioning.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Provisioning.Benchmarks.PlanningBenchmarks).Assembly).Run(args);
