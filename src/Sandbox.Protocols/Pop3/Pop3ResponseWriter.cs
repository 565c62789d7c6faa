using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Sandbox.Protocols.Transport;

namespace Sandbox.Protocols.Pop3;

/// <summary>
/// The one writer of POP3 responses: status lines (<c>+OK</c>, <c>-ERR</c>, SASL <c>+ </c>),
/// multi-line responses, and message content byte-stuffed while it is copied (RFC 1939
/// section 3: every line that starts with "." gets another ".", the first line included),
/// written in chunks with back-pressure, never built as one string.
/// </summary>
internal sealed class Pop3ResponseWriter(Connection connection)
{
    private const int FlushThreshold = 64 * 1024;
    private static readonly byte[] s_crlf = "\r\n"u8.ToArray();
    private static readonly byte[] s_terminator = ".\r\n"u8.ToArray();

    private PipeWriter Output => connection.Output;

    public ValueTask<bool> OkAsync(string text, CancellationToken cancellationToken) =>
        StatusAsync("+OK", text, cancellationToken);

    /// <summary>An error; <paramref name="text"/> may start with an RFC 2449 response code such as <c>[AUTH]</c>.</summary>
    public ValueTask<bool> ErrAsync(string text, CancellationToken cancellationToken) =>
        StatusAsync("-ERR", text, cancellationToken);

    /// <summary>A SASL continuation (RFC 5034 section 4): <c>+ </c> and a base64 challenge.</summary>
    public ValueTask<bool> ContinueAsync(string challenge, CancellationToken cancellationToken) =>
        StatusAsync("+", challenge, cancellationToken);

    /// <summary>A positive multi-line response of short text lines (CAPA, LIST, UIDL).</summary>
    public async ValueTask<bool> MultilineAsync(string text, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        WriteStatus("+OK", text);
        foreach (var line in lines)
        {
            if (line.StartsWith('.'))
            {
                Output.Write("."u8);
            }

            WriteAscii(Sanitise(line));
            Output.Write(s_crlf);
        }

        Output.Write(s_terminator);
        return await FlushAsync(cancellationToken);
    }

    /// <summary>A positive multi-line response carrying message bytes (RETR, TOP), byte-stuffed.</summary>
    public async ValueTask<bool> ContentAsync(string text, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        WriteStatus("+OK", text);
        var atLineStart = true;
        var pending = 0;
        while (!content.IsEmpty)
        {
            var span = content.Span;
            if (atLineStart && span[0] == (byte)'.')
            {
                Output.Write("."u8);
                pending++;
            }

            var lf = span.IndexOf((byte)'\n');
            var take = lf < 0 ? span.Length : lf + 1;
            Output.Write(span[..take]);
            pending += take;
            atLineStart = lf >= 0;
            content = content[take..];
            if (pending >= FlushThreshold)
            {
                pending = 0;
                if (!await FlushAsync(cancellationToken))
                {
                    return false;
                }
            }
        }

        // Stored messages end in CRLF; one that does not still gets a well-formed terminator.
        if (!atLineStart)
        {
            Output.Write(s_crlf);
        }

        Output.Write(s_terminator);
        return await FlushAsync(cancellationToken);
    }

    private async ValueTask<bool> StatusAsync(string status, string text, CancellationToken cancellationToken)
    {
        WriteStatus(status, text);
        return await FlushAsync(cancellationToken);
    }

    private void WriteStatus(string status, string text)
    {
        WriteAscii(status);

        // A SASL continuation is "+ " even with an empty challenge (RFC 5034 section 4).
        if (text.Length > 0 || status == "+")
        {
            Output.Write(" "u8);
            WriteAscii(Sanitise(text));
        }

        Output.Write(s_crlf);
    }

    private void WriteAscii(string text)
    {
        var span = Output.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        Output.Advance(written);
    }

    private async ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await Output.FlushAsync(cancellationToken);
            return !result.IsCompleted;
        }
        catch (IOException)
        {
            return false;
        }
    }

    // Response text must stay one line of printable ASCII whatever a client or message supplied.
    private static string Sanitise(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return string.Create(text.Length, text, static (dest, src) =>
                {
                    for (var i = 0; i < src.Length; i++)
                    {
                        dest[i] = src[i] is < ' ' or > '~' ? '?' : src[i];
                    }
                });
            }
        }

        return text;
    }
}
