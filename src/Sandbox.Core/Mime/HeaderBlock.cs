using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Sandbox.Core.Mime;

/// <summary>
/// The header fields of a stored message, parsed on demand from the header block at the start
/// of its raw bytes with the same MimeKit parser step that parsed them at ingest, so names and
/// values (RFC 2047 decoded, unfolded) are exactly those of the ingest-time parse. Like
/// <c>MimeMessage.Headers</c> of a parsed message, the list leaves out the Content-* fields
/// (MimeKit gives those to the body) unless the body was not parsed.
/// </summary>
internal static class HeaderBlock
{
    /// <summary>One parser per thread, reused (a parser allocates ~5 KB of buffers).</summary>
    [ThreadStatic]
    private static MimeParser? t_parser;

    /// <summary>What the thread's parser reads between parses.</summary>
    [ThreadStatic]
    private static MemoryStream? t_nothing;

    public static HeaderField[] Parse(ReadOnlyMemory<byte> raw, bool withContentFields) =>
        ParseList(raw) is { } headers ? Fields(headers, withContentFields) : [];

    /// <summary>The Message-Id of the raw header block, as <see cref="MessageId(IEnumerable{Header})"/> gives it.</summary>
    public static string? MessageId(ReadOnlyMemory<byte> raw) => ParseList(raw) is { } headers ? MessageId(headers) : null;

    /// <summary>
    /// The Message-Id as MimeKit's <c>MimeMessage</c> sets it while its header fields are added
    /// (each Message-Id field parsed in turn, the last one wins). The builder keeps the id
    /// instead when this differs from the parsed message's, so an edge case costs memory only.
    /// </summary>
    public static string? MessageId(IEnumerable<Header> headers)
    {
        string? id = null;
        foreach (var header in headers)
        {
            if (header.Id == HeaderId.MessageId)
            {
                id = MimeUtils.ParseMessageId(header.RawValue, 0, header.RawValue.Length);
            }
        }

        return id;
    }

    private static HeaderList? ParseList(ReadOnlyMemory<byte> raw)
    {
        using var stream = MessageViewBuilder.AsStream(raw);
        var nothing = t_nothing ??= new MemoryStream([], writable: false);
        var parser = t_parser ??= new MimeParser(ParserOptions.Default, nothing, persistent: false);
        try
        {
            parser.SetStream(stream, MimeFormat.Entity, persistent: false);
            return parser.ParseHeaders();
        }
        catch (FormatException)
        {
            return null;
        }
        finally
        {
            // Let go of the message's bytes until the next parse on this thread.
            parser.SetStream(nothing, MimeFormat.Entity, persistent: false);
        }
    }

    /// <summary>
    /// Looks at the header block once (at ingest) for <see cref="MayContain"/>: its length + 1
    /// when it is "simple" (ASCII, no encoded words "=?", no CR outside CRLF), else 0.
    /// </summary>
    public static int Scan(ReadOnlySpan<byte> raw)
    {
        var block = raw[..End(raw)];
        var simple = Ascii.IsValid(block) && block.IndexOf("=?"u8) < 0 && block.Count((byte)'\r') == block.Count("\r\n"u8);
        return simple ? block.Length + 1 : 0;
    }

    /// <summary>
    /// False only when no header name or value can contain <paramref name="value"/> (ordinal,
    /// ignoring case), judged on the raw header block without parsing it, when <see cref="Scan"/>
    /// (<paramref name="scan"/>) found it simple: each value is then its raw text with the
    /// folds' CR and LF taken out (MimeKit's Header.Unfold), so each run of non-white-space
    /// characters of a match lies as-is in the block. Anything else (or a non-ASCII or very long
    /// value, left to the parse) says true.
    /// </summary>
    public static bool MayContain(ReadOnlySpan<byte> raw, int scan, ReadOnlySpan<char> value)
    {
        if (scan <= 0 || scan - 1 > raw.Length)
        {
            return true;
        }

        var block = raw[..(scan - 1)];
        Span<byte> token = stackalloc byte[AsciiSearch.MaxNeedle];
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            var start = i;
            while (i < value.Length && !char.IsWhiteSpace(value[i]))
            {
                i++;
            }

            if (i > start)
            {
                if (!AsciiSearch.TryGetBytes(value[start..i], token, out var length))
                {
                    return true;
                }

                if (!AsciiSearch.ContainsIgnoreCase(block, token[..length]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The end of the header block: just after its first empty line, or the end of the message.</summary>
    private static int End(ReadOnlySpan<byte> raw)
    {
        if (raw.StartsWith("\r\n"u8) || raw.StartsWith("\n"u8))
        {
            return 0;
        }

        var crlf = raw.IndexOf("\n\r\n"u8);
        var lf = raw.IndexOf("\n\n"u8);
        var end = crlf < 0 ? lf : lf < 0 ? crlf : Math.Min(crlf, lf);
        return end < 0 ? raw.Length : end + 1;
    }

    private static HeaderField[] Fields(HeaderList headers, bool withContentFields)
    {
        var fields = new List<HeaderField>(headers.Count);
        foreach (var header in headers)
        {
            // The rule of MimeKit's MimeMessage(ParserOptions, IEnumerable<Header>, ...) constructor.
            if (withContentFields || !header.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                fields.Add(new HeaderField(header.Field, header.Value));
            }
        }

        return fields.Count == 0 ? [] : [.. fields];
    }
}
