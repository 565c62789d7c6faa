using System.Net;
using System.Net.Sockets;

namespace Sandbox.Server.Tests.Ui;

/// <summary>
/// A TCP listener on 127.0.0.1:0 that counts every connection: any request a hostile mail
/// manages to send (image, CSS url(), meta refresh, form) lands here.
/// </summary>
internal sealed class BeaconListener : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;
    private int _sentinelPort;
    private readonly TaskCompletionSource _sentinelSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BeaconListener()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>
    /// The connections made before this call, counted without a race: connects a sentinel and
    /// waits until the accept loop reaches it (the backlog is accepted in order).
    /// </summary>
    public async Task<int> SettledConnectionsAsync(CancellationToken cancellationToken)
    {
        using var sentinel = new TcpClient(AddressFamily.InterNetwork);
        sentinel.Client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Volatile.Write(ref _sentinelPort, ((IPEndPoint)sentinel.Client.LocalEndPoint!).Port);
        await sentinel.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
        await _sentinelSeen.Task.WaitAsync(cancellationToken);
        return Connections;
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
                if (((IPEndPoint)client.Client.RemoteEndPoint!).Port == Volatile.Read(ref _sentinelPort))
                {
                    _sentinelSeen.TrySetResult();
                    continue;
                }

                Interlocked.Increment(ref _connections);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (SocketException)
        {
            // Stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
