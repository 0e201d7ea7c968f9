namespace AlertsPanel.Infrastructure.BackgroundWork;

/// <summary><c>AlertsPanel:Worker</c>: how the background worker runs executions.</summary>
public sealed class WorkerOptions
{
    public const string Section = "AlertsPanel:Worker";

    /// <summary>Off only for tests that drive the worker themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Executions run at once by this instance.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>How long a claim holds without being renewed; a crashed worker's executions are taken over after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks for work that another instance queued.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
