using AlertsPanel.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AlertsPanel.Benchmarks                 the load test (docs/performance.md)
// dotnet run -c Release --project tests/AlertsPanel.Benchmarks -- engine       BenchmarkDotNet on the engine's hot code
if (args is ["engine", .. var rest])
{
    BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(rest.Length > 0 ? rest : ["--filter", "*"]);
    return 0;
}
return await LoadTest.RunAsync(LoadTestOptions.Parse(args));
