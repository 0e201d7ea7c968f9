using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertsPanel.Infrastructure.BackgroundWork;

/// <summary>Runs queued executions in the background: woken at once by a trigger in this instance, else by polling.</summary>
internal sealed class ExecutionWorker(ExecutionProcessor processor, ExecutionNotifications notifications, IOptions<WorkerOptions> options, ILogger<ExecutionWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("The execution worker is disabled ({Section}:Enabled = false)", WorkerOptions.Section);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await processor.RunOnceAsync(stoppingToken) == 0)
                {
                    await notifications.WaitForQueuedAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The execution worker failed a round; it goes on after a pause");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }
}
