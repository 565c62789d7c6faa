namespace Sandbox.Protocols.Pop3;

/// <summary>Pure slicing of raw message bytes for TOP (RFC 1939 section 7).</summary>
internal static class Pop3MessageSlice
{
    /// <summary>
    /// The header, the blank line that ends it, and the first <paramref name="bodyLines"/> lines
    /// of the body. A count beyond the body (fetchmail sends <c>TOP n 99999999</c>) gives the
    /// whole message; a message without a blank line is all header.
    /// </summary>
    public static ReadOnlyMemory<byte> Top(ReadOnlyMemory<byte> raw, int bodyLines)
    {
        var span = raw.Span;
        var end = HeaderEnd(span);
        for (var i = 0; i < bodyLines && end < span.Length; i++)
        {
            var lf = span[end..].IndexOf((byte)'\n');
            end = lf < 0 ? span.Length : end + lf + 1;
        }

        return raw[..end];
    }

    /// <summary>The offset just past the first empty line, or the length when there is none.</summary>
    private static int HeaderEnd(ReadOnlySpan<byte> span)
    {
        var position = 0;
        while (position < span.Length)
        {
            var lf = span[position..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return span.Length;
            }

            var line = span.Slice(position, lf);
            position += lf + 1;
            if (line.IsEmpty || (line.Length == 1 && line[0] == (byte)'\r'))
            {
                return position;
            }
        }

        return span.Length;
    }
}
