namespace AlertsPanel.Application.Common.Interfaces;

/// <summary>Connects the trigger and the worker inside one instance; the database stays the truth across instances.</summary>
public interface IExecutionNotifications
{
    /// <summary>An execution was committed: wake an idle worker now rather than at its next poll.</summary>
    void Queued();

    /// <summary>An execution finished (completed or failed).</summary>
    void Finished(Guid executionId);

    /// <summary>Waits until the execution has finished, or the timeout passes; true when it finished.</summary>
    Task<bool> WaitForFinishAsync(Guid executionId, TimeSpan timeout, CancellationToken cancellationToken);
}
