using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AlertsPanel.Api.Tests.Support;

/// <summary>A real SMTP server (the SmtpServer package) on a free loopback port, keeping what it receives.</summary>
public sealed class SmtpSink : MessageStore, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public int Port { get; private set; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Called for each message once it is stored, before the server answers 250.</summary>
    public Action<MimeMessage>? OnReceived { get; set; }

    public static SmtpSink Start()
    {
        var sink = new SmtpSink();
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            sink.Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, sink.Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(sink);
        sink._running = new SmtpServer.SmtpServer(options, services).StartAsync(sink._stop.Token);
        return sink;
    }

    public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        Messages.Enqueue(message);
        OnReceived?.Invoke(message);
        return SmtpResponse.Ok;
    }

    /// <summary>A smtp connection's settings for this server (no TLS on loopback).</summary>
    public object ConnectionSettings => new { host = "127.0.0.1", port = Port, security = "none", from = "Acme <noreply@acme.test>" };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
