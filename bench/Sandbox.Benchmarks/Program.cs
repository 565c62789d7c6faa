using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Sandbox.Benchmarks -- --filter '*'   (see bench/README.md)
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Sandbox.Benchmarks.IngestBenchmarks).Assembly).Run(args);

// BenchmarkDotNet itself exits 0 when a case failed: make a failed or empty run visible to CI.
var failed = !summaries.Any() || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
