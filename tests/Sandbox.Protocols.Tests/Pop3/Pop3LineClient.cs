using System.Net.Sockets;
using System.Text;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>A minimal raw POP3 client over TcpClient for byte-exact and malformed cases.</summary>
public sealed class Pop3LineClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly List<byte> _buffer = [];
    private readonly byte[] _chunk = new byte[16 * 1024];

    private Pop3LineClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public string Greeting { get; private set; } = string.Empty;

    public static async Task<Pop3LineClient> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port, cancellationToken);
        var client = new Pop3LineClient(tcp);
        client.Greeting = await client.ReadLineAsync(cancellationToken) ?? throw new IOException("no greeting");
        return client;
    }

    /// <summary>Connects and logs in with USER/PASS.</summary>
    public static async Task<Pop3LineClient> LoginAsync(int port, string user, CancellationToken cancellationToken)
    {
        var client = await ConnectAsync(port, cancellationToken);
        Assert.StartsWith("+OK", await client.CommandAsync($"USER {user}", cancellationToken), StringComparison.Ordinal);
        Assert.StartsWith("+OK", await client.CommandAsync("PASS any", cancellationToken), StringComparison.Ordinal);
        return client;
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken);

    /// <summary>Sends one command line and reads the one-line status.</summary>
    public async Task<string> CommandAsync(string line, CancellationToken cancellationToken)
    {
        await SendAsync(line + "\r\n", cancellationToken);
        return await ReadLineAsync(cancellationToken) ?? throw new IOException("connection closed");
    }

    /// <summary>Reads a line without its CRLF; null when the server closed the connection.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var bytes = await ReadRawLineAsync(cancellationToken);
        return bytes is null ? null : Encoding.Latin1.GetString(bytes, 0, Math.Max(0, bytes.Length - 2));
    }

    /// <summary>Reads the body of a multi-line response exactly as sent (still byte-stuffed), up to the terminator.</summary>
    public async Task<byte[]> ReadStuffedBodyAsync(CancellationToken cancellationToken)
    {
        var body = new List<byte>();
        while (await ReadRawLineAsync(cancellationToken) is { } line)
        {
            if (line is [(byte)'.', (byte)'\r', (byte)'\n'])
            {
                return [.. body];
            }

            body.AddRange(line);
        }

        throw new IOException("connection closed inside a multi-line response");
    }

    /// <summary>Reads a multi-line body and undoes the byte-stuffing, as a client would.</summary>
    public async Task<byte[]> ReadBodyAsync(CancellationToken cancellationToken) => Unstuff(await ReadStuffedBodyAsync(cancellationToken));

    public static byte[] Unstuff(byte[] stuffed)
    {
        var text = Encoding.Latin1.GetString(stuffed);
        var lines = text.Split("\r\n");
        return Encoding.Latin1.GetBytes(string.Join("\r\n", lines.Select(l => l.StartsWith('.') ? l[1..] : l)));
    }

    /// <summary>True when the server has closed the connection (reads end of stream).</summary>
    public async Task<bool> IsClosedAsync(CancellationToken cancellationToken) => await ReadRawLineAsync(cancellationToken) is null;

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task<byte[]?> ReadRawLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var lf = _buffer.IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var line = _buffer.GetRange(0, lf + 1).ToArray();
                _buffer.RemoveRange(0, lf + 1);
                return line;
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_chunk, cancellationToken);
            }
            catch (IOException)
            {
                read = 0;
            }

            if (read == 0)
            {
                return null;
            }

            _buffer.AddRange(_chunk.AsSpan(0, read));
        }
    }
}
