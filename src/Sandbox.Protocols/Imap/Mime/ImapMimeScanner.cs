using MimeKit;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// The part tree of a plainly built message, found by scanning the raw bytes once instead of a
/// MimeKit parse: strict header blocks (<see cref="ImapHeaders.TryScan"/>), Content-Types in the
/// strict grammar, multiparts whose boundary lines are exact (<c>--b CRLF</c>, <c>--b--</c>) and
/// whose parts end in CRLF, message/rfc822 parts without a transfer encoding. Anything else
/// (a digest, a boundary line with trailing text, a parent boundary inside a part, a missing
/// close delimiter, types MimeKit parses specially) returns null and MimeKit builds the tree,
/// so both ways give the same tree wherever this one answers (RFC 2046 5.1.1 framing).
/// </summary>
internal static class ImapMimeScanner
{
    private const int MaxDepth = 16;

    [ThreadStatic]
    private static List<ReadOnlyMemory<byte>>? t_boundaries;

    private enum LineKind
    {
        Content,
        Delimiter,
        Close,
        Unclear,
    }

    public static ImapMessageNode? TryBuild(ReadOnlyMemory<byte> raw)
    {
        var boundaries = t_boundaries ??= [];
        boundaries.Clear();
        return TryMessage(raw, 0, raw.Length, boundaries, 0);
    }

    private static ImapMessageNode? TryMessage(ReadOnlyMemory<byte> raw, int begin, int end, List<ReadOnlyMemory<byte>> boundaries, int depth)
    {
        if (!ImapHeaders.TryScan(raw.Span, begin, end, requireHeader: true, out var bodyStart, out var headers))
        {
            return null;
        }

        var body = TryPart(raw, headers!, begin, bodyStart, end, boundaries, depth);
        return body is null ? null : new ImapMessageNode { Begin = begin, BodyStart = bodyStart, End = end, Headers = headers!, Body = body };
    }

    private static ImapBodyPart? TryPart(ReadOnlyMemory<byte> raw, ImapHeaders headers, int begin, int bodyStart, int end, List<ReadOnlyMemory<byte>> boundaries, int depth)
    {
        var type = headers.TryGetRange(HeaderId.ContentType, out var range) ? ImapContentType.TryParse(raw[range]) : ImapContentType.TextPlain;
        if (type is null || depth >= MaxDepth || (type.IsText && type.SubtypeIs("rfc822-headers"u8)))
        {
            return null;
        }

        IReadOnlyList<ImapBodyPart> children = [];
        ImapMessageNode? embedded = null;
        if (type.IsMultipart)
        {
            // A digest's parts default to message/rfc822 (RFC 2046 5.1.5); left to MimeKit.
            if (type.SubtypeIs("digest"u8) || type.Find("boundary"u8) is not { Length: > 0 } boundary
                || TryChildren(raw, bodyStart, end, boundary, boundaries, depth) is not { } parts)
            {
                return null;
            }

            children = parts;
        }
        else if (type.IsMessage)
        {
            // MimeKit parses the other message types differently, or not at all when encoded.
            embedded = type.SubtypeIs("rfc822"u8) && !headers.TryGetRange(HeaderId.ContentTransferEncoding, out _)
                ? TryMessage(raw, bodyStart, end, boundaries, depth + 1)
                : null;
            if (embedded is null)
            {
                return null;
            }
        }

        return new ImapBodyPart
        {
            Begin = begin,
            BodyStart = bodyStart,
            End = end,
            Headers = headers,
            ContentType = type,
            Children = children,
            Embedded = embedded,
        };
    }

    private static List<ImapBodyPart>? TryChildren(ReadOnlyMemory<byte> raw, int bodyStart, int end, ReadOnlyMemory<byte> boundary, List<ReadOnlyMemory<byte>> boundaries, int depth)
    {
        foreach (var other in boundaries)
        {
            if (other.Span.StartsWith(boundary.Span) || boundary.Span.StartsWith(other.Span))
            {
                return null;
            }
        }

        boundaries.Add(boundary);
        try
        {
            return TryChildLines(raw, bodyStart, end, boundaries, depth);
        }
        finally
        {
            boundaries.RemoveAt(boundaries.Count - 1);
        }
    }

    // Walks the lines that start with "--" (the only ones that can be boundary lines); the last
    // of the active boundaries is this multipart's own.
    private static List<ImapBodyPart>? TryChildLines(ReadOnlyMemory<byte> raw, int bodyStart, int end, List<ReadOnlyMemory<byte>> boundaries, int depth)
    {
        var span = raw.Span;
        var children = new List<ImapBodyPart>();
        var partBegin = -1;
        var closed = false;
        for (var pos = NextDashLine(span, bodyStart, bodyStart, end); pos >= 0; pos = NextDashLine(span, pos, bodyStart, end))
        {
            var lf = span[pos..end].IndexOf((byte)'\n');
            var lineEnd = lf < 0 ? end : pos + lf + 1;
            var kind = Classify(span[pos..lineEnd], lineEnd == end, boundaries);
            if (kind == LineKind.Content)
            {
                pos = lineEnd;
                continue;
            }

            if (kind == LineKind.Unclear || closed)
            {
                return null;
            }

            if (partBegin >= 0 && !TryAddChild(raw, partBegin, pos, children, boundaries, depth))
            {
                return null;
            }

            closed = kind == LineKind.Close;
            partBegin = lineEnd;
            pos = lineEnd;
        }

        return closed && children.Count > 0 ? children : null;
    }

    // A part ends before the CRLF that precedes the next boundary line (it belongs to the boundary).
    private static bool TryAddChild(ReadOnlyMemory<byte> raw, int begin, int boundaryLine, List<ImapBodyPart> children, List<ReadOnlyMemory<byte>> boundaries, int depth)
    {
        var span = raw.Span;
        var end = boundaryLine - 2;
        if (end <= begin || !span[end..boundaryLine].SequenceEqual("\r\n"u8)
            || !ImapHeaders.TryScan(span, begin, end, requireHeader: false, out var bodyStart, out var headers))
        {
            return false;
        }

        if (TryPart(raw, headers!, begin, bodyStart, end, boundaries, depth + 1) is not { } child)
        {
            return false;
        }

        children.Add(child);
        return true;
    }

    private static LineKind Classify(ReadOnlySpan<byte> line, bool atEnd, List<ReadOnlyMemory<byte>> boundaries)
    {
        var own = boundaries.Count - 1;
        for (var i = 0; i <= own; i++)
        {
            var boundary = boundaries[i].Span;
            if (!line[2..].StartsWith(boundary))
            {
                continue;
            }

            // A parent's boundary inside this multipart, or text after a boundary: MimeKit decides.
            var rest = line[(2 + boundary.Length)..];
            return i != own ? LineKind.Unclear
                : rest.SequenceEqual("\r\n"u8) && !atEnd ? LineKind.Delimiter
                : rest.SequenceEqual("--\r\n"u8) || (atEnd && rest.SequenceEqual("--"u8)) ? LineKind.Close
                : LineKind.Unclear;
        }

        return LineKind.Content;
    }

    // The next line at or after pos that starts with "--": the first line of the body, or one after an LF.
    private static int NextDashLine(ReadOnlySpan<byte> span, int pos, int bodyStart, int end)
    {
        if (pos == bodyStart && span[pos..end].StartsWith("--"u8))
        {
            return pos;
        }

        var found = span[Math.Max(pos - 1, bodyStart)..end].IndexOf("\n--"u8);
        return found < 0 ? -1 : Math.Max(pos - 1, bodyStart) + found + 1;
    }
}
