using BenchmarkDotNet.Running;
using Sandbox.Benchmarks;

// dotnet run -c Release --project bench/Sandbox.Benchmarks -- --filter '*'   (see bench/README.md)
if (args is ["footprint", .. var rest])
{
    StoreFootprint.Run(rest is [var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return 0;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(IngestBenchmarks).Assembly).Run(args);

// BenchmarkDotNet itself exits 0 when a case failed: make a failed or empty run visible to CI.
var failed = !summaries.Any() || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;
