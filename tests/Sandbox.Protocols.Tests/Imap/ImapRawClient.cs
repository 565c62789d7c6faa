using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>A small raw IMAP client for byte-exact and malformed cases: writes what it is told, reads whole responses (literals included).</summary>
internal sealed partial class ImapRawClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly CancellationToken _cancellation;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private ImapRawClient(TcpClient tcp, CancellationToken cancellation)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _cancellation = cancellation;
    }

    public string Greeting { get; private set; } = "";

    public static async Task<ImapRawClient> ConnectAsync(int port, string? user = null)
    {
        var tcp = new TcpClient();
        var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await tcp.ConnectAsync("127.0.0.1", port, timeout.Token);
        var client = new ImapRawClient(tcp, timeout.Token);
        client.Greeting = await client.ReadLineAsync();
        if (user is not null)
        {
            Assert.Contains("a0 OK", await client.CommandAsync($"a0 LOGIN \"{user}\" secret"), StringComparison.Ordinal);
        }

        return client;
    }

    public async Task SendAsync(string text) => await SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes, _cancellation);
        await _stream.FlushAsync(_cancellation);
    }

    /// <summary>Sends one command line (CRLF added) and reads up to its tagged reply.</summary>
    public async Task<string> CommandAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadTaggedAsync(line[..line.IndexOf(' ', StringComparison.Ordinal)]);
    }

    public async Task<byte[]> ReadTaggedBytesAfterAsync(string line)
    {
        await SendAsync(line + "\r\n");
        return await ReadTaggedBytesAsync(line[..line.IndexOf(' ', StringComparison.Ordinal)]);
    }

    /// <summary>Reads responses (with their literals) up to and including the line tagged <paramref name="tag"/>.</summary>
    public async Task<string> ReadTaggedAsync(string tag) => Encoding.Latin1.GetString(await ReadTaggedBytesAsync(tag));

    public async Task<byte[]> ReadTaggedBytesAsync(string tag)
    {
        using var all = new MemoryStream();
        while (true)
        {
            var line = await ReadLineBytesAsync();
            all.Write(line);
            var text = Encoding.Latin1.GetString(line);
            if (LiteralAtEnd().Match(text) is { Success: true } m)
            {
                all.Write(await ReadExactAsync(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            if (text.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                return all.ToArray();
            }
        }
    }

    public async Task<string> ReadLineAsync() => Encoding.Latin1.GetString(await ReadLineBytesAsync()).TrimEnd('\r', '\n');

    /// <summary>True when the server closed the connection (reads to the end).</summary>
    public async Task<bool> IsClosedAsync()
    {
        try
        {
            while (true)
            {
                if (_start == _end && !await FillAsync())
                {
                    return true;
                }

                _start = _end;
            }
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task<byte[]> ReadLineBytesAsync()
    {
        using var line = new MemoryStream();
        while (true)
        {
            if (_start == _end && !await FillAsync())
            {
                throw new IOException("The server closed the connection. So far: " + Encoding.Latin1.GetString(line.ToArray()));
            }

            var lf = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = lf < 0 ? _end : lf + 1;
            line.Write(_buffer, _start, stop - _start);
            _start = stop;
            if (lf >= 0)
            {
                return line.ToArray();
            }
        }
    }

    private async Task<byte[]> ReadExactAsync(int count)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !await FillAsync())
            {
                throw new IOException("The server closed the connection inside a literal.");
            }

            var take = Math.Min(count - filled, _end - _start);
            Array.Copy(_buffer, _start, result, filled, take);
            filled += take;
            _start += take;
        }

        return result;
    }

    private async Task<bool> FillAsync()
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer, _cancellation);
        return _end > 0;
    }

    [GeneratedRegex(@"\{(\d+)\}\r\n$")]
    private static partial Regex LiteralAtEnd();
}
