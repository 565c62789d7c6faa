using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Sandbox.Benchmarks -- --filter '*'   (see bench/README.md)
BenchmarkSwitcher.FromAssembly(typeof(Sandbox.Benchmarks.IngestBenchmarks).Assembly).Run(args);
