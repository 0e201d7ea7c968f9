using System.Diagnostics;

namespace AlertsPanel.Benchmarks;

/// <summary>
/// The service as a user runs it (<c>dotnet run</c> of the Api project, Release), in its own process,
/// on a fresh SQLite file, with the rate limit off and only warnings logged.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string OperatorKey = "opk_benchmark_operator_key";
    private readonly Process _process;
    private readonly string _dataFolder;

    private ServiceProcess(Process process, string dataFolder, Uri baseAddress)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ServiceProcess> StartAsync(int port)
    {
        var root = RepositoryRoot();
        var dataFolder = Directory.CreateTempSubdirectory("alertspanel-bench-").FullName;
        var start = new ProcessStartInfo("dotnet", ["run", "-c", "Release", "--no-launch-profile", "--project", Path.Combine(root, "src", "AlertsPanel.Api")])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__AlertsPanel"] = $"Data Source={Path.Combine(dataFolder, "bench.db")}",
                ["AlertsPanel__OperatorKey"] = OperatorKey,
                ["AlertsPanel__Triggers__RateLimitPerSecond"] = "0",
                ["Serilog__MinimumLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("[ERR]", StringComparison.Ordinal)) Console.Error.WriteLine($"service: {line}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"service: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, dataFolder, new Uri($"http://127.0.0.1:{port}"));
        await service.WaitUntilHealthyAsync();
        return service;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(3); // the first run also builds the service
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode}");
            }
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("the service did not become healthy within 3 minutes");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlertsPanel.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("run the benchmark from inside the repository");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
