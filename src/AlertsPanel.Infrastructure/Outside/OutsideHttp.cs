using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace AlertsPanel.Infrastructure.Outside;

/// <summary>
/// The one HttpClient through which nodes reach outside systems (generic HTTP, Salesforce, WhatsApp):
/// 3 tries on 5xx, 408, 429, network errors and timeouts, with exponential back-off and jitter,
/// honouring Retry-After; a per-try timeout each node chooses; a circuit breaker per host.
/// </summary>
public static class OutsideHttp
{
    public const string ClientName = "outside";

    /// <summary>The whole step, retries included; kept under the worker's lease (see WorkerOptions).</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(100);

    /// <summary>Response bodies longer than this are not parsed (node-types.md: 1 MiB).</summary>
    public const int MaxParsedBody = 1024 * 1024;

    private static readonly HttpRequestOptionsKey<TimeSpan> TryTimeoutKey = new("AlertsPanel.TryTimeout");

    /// <summary>Sets how long one try of this request may take (1 to 30 s).</summary>
    public static void SetTryTimeout(this HttpRequestMessage request, TimeSpan timeout) => request.Options.Set(TryTimeoutKey, timeout);

    public static IServiceCollection AddOutsideHttp(this IServiceCollection services, TimeSpan retryDelay)
    {
        var client = services.AddHttpClient(ClientName).ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            // The factory's request logging writes headers (Authorization: Bearer …, at Trace) into
            // structured log properties; requests to outside systems carry customers' secrets, so it is off.
            // Failures are in the execution's steps, and the resilience pipeline logs its retries.
            .RemoveAllLoggers();
        client.AddStandardResilienceHandler(options =>
        {
            options.Retry.MaxRetryAttempts = 2;
            options.Retry.BackoffType = DelayBackoffType.Exponential;
            options.Retry.UseJitter = true;
            options.Retry.Delay = retryDelay;
            options.Retry.ShouldRetryAfterHeader = true;
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
            options.TotalRequestTimeout.Timeout = TotalTimeout;
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
        }).SelectPipelineByAuthority();
        client.AddHttpMessageHandler(() => new TryTimeoutHandler());
        return services;
    }

    /// <summary>Inside the retry loop: ends one try after the node's timeout, as a timeout the retry strategy retries.</summary>
    private sealed class TryTimeoutHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Options.TryGetValue(TryTimeoutKey, out var timeout))
            {
                return await base.SendAsync(request, cancellationToken);
            }
            using var tryCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            tryCancellation.CancelAfter(timeout);
            try
            {
                var response = await base.SendAsync(request, tryCancellation.Token);
                // The body is read here too, so a slow body counts against the same try; past
                // MaxParsedBody it is cut off (and then not parsed), so a huge answer costs no memory.
                response.Content = await CappedAsync(response.Content, tryCancellation.Token);
                return response;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutRejectedException($"no answer within {timeout.TotalSeconds:0} s", timeout);
            }
        }
    }

    private static async Task<HttpContent> CappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            var body = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while (body.Length <= MaxParsedBody && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                body.Write(chunk, 0, read);
            }
            var capped = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
            foreach (var (name, values) in content.Headers.Where(h => h.Key != "Content-Length"))
            {
                capped.Headers.TryAddWithoutValidation(name, values);
            }
            return capped;
        }
    }

    /// <summary>An answer's body as a step shows it: its first 2,000 characters.</summary>
    public static string Excerpt(string body) => body.Length <= 2000 ? body : body[..2000] + "…";

    /// <summary>A failure of the outside system or the way there (not a bug, not our own shutdown).</summary>
    public static bool IsOutsideFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or ExecutionRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>A status worth reporting as the outcome of a try that failed.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        TimeoutRejectedException t => $"timed out ({t.Message})",
        Polly.CircuitBreaker.BrokenCircuitException => "not tried: the circuit breaker for this host is open after repeated failures",
        HttpRequestException { StatusCode: HttpStatusCode status } => $"HTTP {(int)status}",
        HttpRequestException h => $"network error: {h.Message}",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
