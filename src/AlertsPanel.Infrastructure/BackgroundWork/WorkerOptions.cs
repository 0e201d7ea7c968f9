namespace AlertsPanel.Infrastructure.BackgroundWork;

/// <summary><c>AlertsPanel:Worker</c>: how the background worker runs executions.</summary>
public sealed class WorkerOptions
{
    public const string Section = "AlertsPanel:Worker";

    /// <summary>Off only for tests that drive the worker themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Executions run at once by this instance.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// How long a claim holds without being renewed; a crashed worker's executions are taken over after it.
    /// The lease is renewed after each outside step, so it must outlast the longest one (an outside call
    /// takes at most <see cref="Outside.OutsideHttp.TotalTimeout"/>, retries included).
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle worker looks for work that another instance queued.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
