using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Sandbox.Protocols.Transport;

/// <summary>
/// One accepted TCP connection of a line-based protocol (IMAP, POP3): pipes over the socket
/// stream, bounded line reads with an idle timeout, exact-size reads for literals, and the
/// upgrade to TLS. Owned by one session loop; not thread-safe.
/// </summary>
public sealed class Connection : IAsyncDisposable
{
    private static int s_nextId;
    private readonly Socket _socket;
    private readonly NetworkStream _network;
    private Stream _stream;

    internal Connection(Socket socket)
    {
        _socket = socket;
        _network = new NetworkStream(socket, ownsSocket: true);
        _stream = _network;
        Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
        Id = Interlocked.Increment(ref s_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Id { get; }

    public IPEndPoint RemoteEndPoint { get; }

    public bool IsSecure { get; private set; }

    public PipeReader Input { get; private set; }

    public PipeWriter Output { get; private set; }

    /// <summary>
    /// Reads one line of at most <paramref name="maxLength"/> bytes (RFC line ends CRLF; a bare
    /// LF is accepted). A longer line is consumed and discarded up to its LF, with memory
    /// bounded, and reported as <see cref="LineStatus.TooLong"/>.
    /// </summary>
    public async ValueTask<LineResult> ReadLineAsync(int maxLength, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(idleTimeout);
        var discarding = false;
        try
        {
            while (true)
            {
                var result = await Input.ReadAsync(idle.Token);
                var buffer = result.Buffer;
                var lf = buffer.PositionOf((byte)'\n');
                if (lf is { } end)
                {
                    var line = buffer.Slice(0, end);
                    var tooLong = discarding || line.Length > maxLength + 1;

                    // Copy before AdvanceTo: the pipe may recycle the consumed segments at once.
                    var bytes = tooLong ? [] : line.ToArray();
                    Input.AdvanceTo(buffer.GetPosition(1, end));
                    if (tooLong)
                    {
                        return LineResult.TooLong;
                    }

                    var length = bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
                    return new LineResult(LineStatus.Line, length == bytes.Length ? bytes : bytes[..length]);
                }

                if (buffer.Length > maxLength + 1)
                {
                    discarding = true;
                    Input.AdvanceTo(buffer.End);
                }
                else
                {
                    Input.AdvanceTo(buffer.Start, buffer.End);
                }

                if (result.IsCompleted)
                {
                    return LineResult.Closed;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return LineResult.Timeout;
        }
        catch (IOException)
        {
            return LineResult.Closed;
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes (an IMAP literal), or null when the client left.</summary>
    public async ValueTask<byte[]?> ReadBytesAsync(int count, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var target = new byte[count];
        var filled = 0;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (filled < count)
            {
                idle.CancelAfter(idleTimeout);
                var result = await Input.ReadAsync(idle.Token);
                var buffer = result.Buffer;
                var take = (int)Math.Min(buffer.Length, count - filled);
                buffer.Slice(0, take).CopyTo(target.AsSpan(filled));
                filled += take;
                Input.AdvanceTo(buffer.GetPosition(take));
                if (filled < count && result.IsCompleted)
                {
                    return null;
                }
            }

            return target;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Writes and flushes; returns false when the client is gone.</summary>
    public async ValueTask<bool> WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            var flush = await Output.WriteAsync(data, cancellationToken);
            return !flush.IsCompleted;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Upgrades to TLS (STARTTLS/STLS, or at once on an implicit-TLS port). Anything the client
    /// pipelined in plaintext after the command is discarded, never executed (RFC 3207 6).
    /// </summary>
    public async Task UpgradeToTlsAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        await Input.CompleteAsync();
        await Output.CompleteAsync();
        var ssl = new SslStream(_network, leaveInnerStreamOpen: true);
        await ssl.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ClientCertificateRequired = false,
            },
            cancellationToken);
        _stream = ssl;
        Input = PipeReader.Create(ssl, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        Output = PipeWriter.Create(ssl, new StreamPipeWriterOptions(leaveOpen: true));
        IsSecure = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Output.CompleteAsync();
            await Input.CompleteAsync();
            if (_stream != _network)
            {
                await _stream.DisposeAsync();
            }
        }
        catch (IOException)
        {
            // The peer is already gone.
        }
        finally
        {
            _socket.Close();
            await _network.DisposeAsync();
        }
    }
}
