using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sandbox.Protocols.Transport;

/// <summary>
/// The shared TCP front of IMAP and POP3: binds every endpoint in <see cref="StartAsync"/>
/// (publishing the bound ports), accepts in <see cref="ExecuteAsync"/>, enforces the
/// connection caps, performs implicit TLS, and runs one session per connection with a token
/// that links host shutdown and connection close.
/// </summary>
public abstract class ProtocolListenerService : BackgroundService
{
    private readonly List<(ListenerEndpoint Endpoint, Socket Socket)> _listeners = [];
    private readonly IReadOnlyList<ListenerEndpoint> _endpoints;
    private readonly IPAddress _address;
    private readonly BoundEndpoints _bound;
    private readonly ConnectionLimiter _limiter;
    private readonly X509Certificate2? _certificate;
    private readonly List<Task> _sessions = [];
    private readonly Lock _sessionsGate = new();

    protected ProtocolListenerService(
        string protocol,
        IPAddress address,
        IReadOnlyList<ListenerEndpoint> endpoints,
        ConnectionLimiter limiter,
        X509Certificate2? certificate,
        BoundEndpoints bound,
        ILogger logger)
    {
        Protocol = protocol;
        _address = address;
        _endpoints = endpoints;
        _limiter = limiter;
        _certificate = certificate;
        _bound = bound;
        Logger = logger;
        foreach (var endpoint in endpoints)
        {
            bound.Expect(endpoint.Name);
        }
    }

    protected string Protocol { get; }

    protected ILogger Logger { get; }

    /// <summary>The certificate for STARTTLS/STLS, or null when TLS is off.</summary>
    protected X509Certificate2? Certificate => _certificate;

    /// <summary>The line sent before closing a connection refused by a cap (e.g. <c>* BYE ...</c>).</summary>
    protected abstract ReadOnlyMemory<byte> TooManyConnectionsReply { get; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in _endpoints)
        {
            var socket = new Socket(_address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(_address, endpoint.Port));
            socket.Listen(512);
            var local = (IPEndPoint)socket.LocalEndPoint!;
            _listeners.Add((endpoint, socket));
            _bound.Bound(endpoint.Name, local);
            TransportLog.Listening(Logger, Protocol, local, endpoint.ImplicitTls);
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, socket) in _listeners)
        {
            socket.Close();
        }

        await base.StopAsync(cancellationToken);
        Task[] sessions;
        lock (_sessionsGate)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Runs one session until the client leaves or <paramref name="cancellationToken"/> fires.</summary>
    protected abstract Task RunSessionAsync(Connection connection, CancellationToken cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_listeners.Select(l => AcceptLoopAsync(l.Endpoint, l.Socket, stoppingToken)));

    private async Task AcceptLoopAsync(ListenerEndpoint endpoint, Socket listener, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            socket.NoDelay = true;
            var task = HandleAsync(endpoint, socket, stoppingToken);
            lock (_sessionsGate)
            {
                _sessions.Add(task);
            }

            _ = task.ContinueWith(
                t =>
                {
                    lock (_sessionsGate)
                    {
                        _sessions.Remove(t);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(ListenerEndpoint endpoint, Socket socket, CancellationToken stoppingToken)
    {
        await Task.Yield();
        await using var connection = new Connection(socket);
        var address = connection.RemoteEndPoint.Address;
        if (!_limiter.TryAcquire(address))
        {
            TransportLog.Refused(Logger, Protocol, connection.RemoteEndPoint);
            await connection.WriteAsync(TooManyConnectionsReply, stoppingToken);
            return;
        }

        using var scope = Logger.BeginScope(new Dictionary<string, object> { ["Protocol"] = Protocol, ["ConnectionId"] = connection.Id, ["Remote"] = connection.RemoteEndPoint.ToString() });
        try
        {
            if (endpoint.ImplicitTls)
            {
                await connection.UpgradeToTlsAsync(_certificate!, stoppingToken);
            }

            await RunSessionAsync(connection, stoppingToken);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            TransportLog.TlsFailed(Logger, connection.RemoteEndPoint, ex);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
        catch (Exception ex)
        {
            TransportLog.SessionFailed(Logger, Protocol, connection.RemoteEndPoint, ex);
        }
        finally
        {
            _limiter.Release(address);
        }
    }
}
