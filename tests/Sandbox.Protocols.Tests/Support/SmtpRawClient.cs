using System.Net.Sockets;
using System.Text;

namespace Sandbox.Protocols.Tests.Support;

/// <summary>A minimal SMTP line client over a raw socket, for byte-exact and malformed cases.</summary>
internal sealed class SmtpRawClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private SmtpRawClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new StreamReader(_stream, Encoding.Latin1);
    }

    public static async Task<SmtpRawClient> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port, cancellationToken);
        var client = new SmtpRawClient(tcp);
        var greeting = await client.ReadReplyAsync(cancellationToken);
        Assert.StartsWith("220", greeting, StringComparison.Ordinal);
        return client;
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken);

    public async Task SendBytesAsync(byte[] bytes, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(bytes, cancellationToken);

    /// <summary>Sends one command line and returns the whole (possibly multi-line) reply.</summary>
    public async Task<string> CommandAsync(string line, CancellationToken cancellationToken)
    {
        await SendAsync(line + "\r\n", cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    /// <summary>Reads one reply; multi-line replies ("250-...") are joined with newlines. Null at end of stream.</summary>
    public async Task<string> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new IOException("connection closed: " + string.Join("\n", lines));
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join("\n", lines);
            }
        }
    }

    /// <summary>True when the server closed the connection (read returns end of stream).</summary>
    public async Task<bool> IsClosedAsync(CancellationToken cancellationToken) =>
        await _reader.ReadLineAsync(cancellationToken) is null;

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
