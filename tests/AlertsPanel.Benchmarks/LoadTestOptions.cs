namespace AlertsPanel.Benchmarks;

/// <summary>The load test's knobs: <c>--clients 64 --seconds 20 --warmup 5</c>.</summary>
public sealed record LoadTestOptions(int Clients, TimeSpan Duration, TimeSpan Warmup, int Port)
{
    public static LoadTestOptions Parse(string[] args)
    {
        int Read(string name, int fallback)
        {
            var at = Array.IndexOf(args, $"--{name}");
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
        }
        return new LoadTestOptions(
            Clients: Read("clients", 64),
            Duration: TimeSpan.FromSeconds(Read("seconds", 20)),
            Warmup: TimeSpan.FromSeconds(Read("warmup", 5)),
            Port: Read("port", 5099));
    }
}
