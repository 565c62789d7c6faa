using MimeKit;

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

    public static HeaderField[] Parse(ReadOnlyMemory<byte> raw, bool withContentFields)
    {
        using var stream = MessageViewBuilder.AsStream(raw);
        var nothing = t_nothing ??= new MemoryStream([], writable: false);
        var parser = t_parser ??= new MimeParser(ParserOptions.Default, nothing, persistent: false);
        try
        {
            parser.SetStream(stream, MimeFormat.Entity, persistent: false);
            return Fields(parser.ParseHeaders(), withContentFields);
        }
        catch (FormatException)
        {
            return [];
        }
        finally
        {
            // Let go of the message's bytes until the next parse on this thread.
            parser.SetStream(nothing, MimeFormat.Entity, persistent: false);
        }
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
