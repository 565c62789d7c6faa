using System.Runtime.InteropServices;
using MimeKit;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// Builds the part tree of a stored message from its raw bytes and MimeKit's per-entity offsets
/// (MimeParser.MimeEntityBegin/End), so section fetches and BODYSTRUCTURE sizes are exact
/// byte ranges of the stored message (protocol-facts.md).
/// </summary>
internal static class ImapStructureBuilder
{
    private const int MaxDepth = 100;
    private static readonly ParserOptions s_options = CreateOptions();

    /// <summary>The part tree: the fast scan for plain messages, MimeKit for everything else.</summary>
    public static ImapMessageNode Build(ReadOnlyMemory<byte> raw) => ImapMimeScanner.TryBuild(raw) ?? BuildWithMimeKit(raw);

    /// <summary>The part tree from MimeKit's parse (the reference the fast scan must equal).</summary>
    public static ImapMessageNode BuildWithMimeKit(ReadOnlyMemory<byte> raw)
    {
        var offsets = new Dictionary<MimeEntity, (long Begin, long End)>(ReferenceEqualityComparer.Instance);
        try
        {
            // Persistent: MimeKit references the part contents in the stream instead of copying them.
            using var stream = MemoryMarshal.TryGetArray(raw, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(raw.ToArray(), writable: false);
            var parser = new MimeParser(s_options, stream, persistent: true);
            var begins = new Dictionary<MimeEntity, long>(ReferenceEqualityComparer.Instance);
            parser.MimeEntityBegin += (_, e) => begins[e.Entity] = e.BeginOffset;
            parser.MimeEntityEnd += (_, e) => offsets[e.Entity] = (begins.GetValueOrDefault(e.Entity), e.EndOffset);
            var message = parser.ParseMessage();
            return Node(raw.Span, message, 0, raw.Length, offsets, 0);
        }
        catch (FormatException)
        {
            return Fallback(raw.Span);
        }
    }

    private static ImapMessageNode Node(ReadOnlySpan<byte> raw, MimeMessage message, int begin, int end, Dictionary<MimeEntity, (long Begin, long End)> offsets, int depth)
    {
        var bodyStart = HeaderEnd(raw, begin, end);
        var body = message.Body is null
            ? Opaque(message.Headers, begin, bodyStart, end)
            : Part(raw, message.Body, begin, bodyStart, end, offsets, depth, message.Body.Headers);
        return new ImapMessageNode { Begin = begin, BodyStart = bodyStart, End = end, Headers = ImapHeaders.From(message.Headers), Body = body };
    }

    private static ImapBodyPart Part(ReadOnlySpan<byte> raw, MimeEntity entity, int begin, int bodyStart, int end, Dictionary<MimeEntity, (long Begin, long End)> offsets, int depth, HeaderList headers)
    {
        var children = new List<ImapBodyPart>();
        ImapMessageNode? embedded = null;
        if (entity is Multipart multipart && depth < MaxDepth)
        {
            foreach (var child in multipart)
            {
                if (!offsets.TryGetValue(child, out var range))
                {
                    continue;
                }

                var childBegin = (int)Math.Clamp(range.Begin, bodyStart, end);
                var childEnd = TrimBoundaryNewline(raw, childBegin, (int)Math.Clamp(range.End, childBegin, end));
                var childBodyStart = HeaderEnd(raw, childBegin, childEnd);
                children.Add(Part(raw, child, childBegin, childBodyStart, childEnd, offsets, depth + 1, child.Headers));
            }
        }
        else if (entity is MessagePart { Message: { } inner } && depth < MaxDepth)
        {
            embedded = Node(raw, inner, bodyStart, end, offsets, depth + 1);
        }

        return new ImapBodyPart
        {
            Begin = begin,
            BodyStart = bodyStart,
            End = end,
            Headers = ImapHeaders.From(headers),
            ContentType = ImapContentType.From(entity.ContentType),
            Children = children,
            Embedded = embedded,
        };
    }

    private static ImapBodyPart Opaque(HeaderList headers, int begin, int bodyStart, int end) => new()
    {
        Begin = begin,
        BodyStart = bodyStart,
        End = end,
        Headers = ImapHeaders.From(headers),
        ContentType = ImapContentType.TextPlain,
    };

    private static ParserOptions CreateOptions()
    {
        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = MaxDepth;
        return options;
    }

    private static ImapMessageNode Fallback(ReadOnlySpan<byte> raw)
    {
        var bodyStart = HeaderEnd(raw, 0, raw.Length);
        var body = Opaque([], 0, bodyStart, raw.Length);
        return new ImapMessageNode { Begin = 0, BodyStart = bodyStart, End = raw.Length, Headers = ImapHeaders.Empty, Body = body };
    }

    /// <summary>The offset after the blank line that ends the header block starting at <paramref name="begin"/>.</summary>
    public static int HeaderEnd(ReadOnlySpan<byte> raw, int begin, int end)
    {
        var span = raw[begin..end];
        if (span.StartsWith("\r\n"u8))
        {
            return begin + 2;
        }

        if (span.StartsWith("\n"u8))
        {
            return begin + 1;
        }

        for (var i = span.IndexOf((byte)'\n'); i >= 0 && i < span.Length - 1; i = NextLf(span, i))
        {
            if (span[i + 1] == (byte)'\n')
            {
                return begin + i + 2;
            }

            if (span[i + 1] == (byte)'\r' && i + 2 < span.Length && span[i + 2] == (byte)'\n')
            {
                return begin + i + 3;
            }
        }

        return end;
    }

    private static int NextLf(ReadOnlySpan<byte> span, int i)
    {
        var next = span[(i + 1)..].IndexOf((byte)'\n');
        return next < 0 ? -1 : i + 1 + next;
    }

    // RFC 2046 5.1.1: the CRLF before a boundary belongs to the boundary, not to the part.
    private static int TrimBoundaryNewline(ReadOnlySpan<byte> raw, int begin, int end)
    {
        if (end < raw.Length && !raw[end..].StartsWith("--"u8) && !raw[end..].StartsWith("\r\n--"u8) && !raw[end..].StartsWith("\n--"u8))
        {
            return end;
        }

        if (end < raw.Length && raw[end..].StartsWith("--"u8))
        {
            if (end - begin >= 2 && raw[(end - 2)..end].SequenceEqual("\r\n"u8))
            {
                return end - 2;
            }

            if (end - begin >= 1 && raw[end - 1] == (byte)'\n')
            {
                return end - 1;
            }
        }

        return end;
    }
}
