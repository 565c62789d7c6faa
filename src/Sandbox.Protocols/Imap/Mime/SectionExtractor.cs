using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// The bytes of a BODY[section] (RFC 3501 6.4.5) as a range of the raw message: part paths
/// through multiparts and message/rfc822 parts, HEADER (with its blank line), HEADER.FIELDS
/// (.NOT), TEXT and MIME. A part that does not exist yields no bytes.
/// </summary>
internal static class SectionExtractor
{
    public static ReadOnlyMemory<byte> Extract(ReadOnlyMemory<byte> raw, ImapMessageNode root, FetchItem item)
    {
        ImapMessageNode? message = root;
        ImapBodyPart? part = null;
        foreach (var n in item.Path)
        {
            part = Child(message, part, n);
            if (part is null)
            {
                return ReadOnlyMemory<byte>.Empty;
            }

            message = part.Embedded;
        }

        if (item.Text == SectionText.Mime)
        {
            return raw[part!.Begin..part.BodyStart];
        }

        if (item.Text == SectionText.None)
        {
            return part is null ? raw[root.Begin..root.End] : raw[part.BodyStart..part.End];
        }

        // HEADER, HEADER.FIELDS and TEXT of a part path apply to the message inside a message/rfc822 part.
        var target = part is null ? root : part.Embedded;
        if (target is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        return item.Text switch
        {
            SectionText.Header => raw[target.Begin..target.BodyStart],
            SectionText.Text => raw[target.BodyStart..target.End],
            _ => FilterHeaders(raw.Span[target.Begin..target.BodyStart], item.Fields, item.Text == SectionText.HeaderFieldsNot),
        };
    }

    public static ReadOnlyMemory<byte> Partial(ReadOnlyMemory<byte> data, FetchItem item)
    {
        if (item.PartialOrigin is not { } origin)
        {
            return data;
        }

        if (origin >= data.Length)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var count = Math.Min(item.PartialCount, data.Length - origin);
        return data.Slice((int)origin, (int)count);
    }

    private static ImapBodyPart? Child(ImapMessageNode? message, ImapBodyPart? current, int n)
    {
        // Inside a multipart part the next number picks a child; inside a message it picks from the message's body.
        var container = current is { IsMultipart: true } ? current : message?.Body;
        if (container is null || (current is not null && !current.IsMultipart && message is null))
        {
            return null;
        }

        if (container.IsMultipart)
        {
            return n <= container.Children.Count ? container.Children[n - 1] : null;
        }

        return n == 1 ? container : null;
    }

    private static byte[] FilterHeaders(ReadOnlySpan<byte> block, IReadOnlyList<string> fields, bool not)
    {
        var output = new List<byte>();
        var include = false;
        while (block.Length > 0)
        {
            var lf = block.IndexOf((byte)'\n');
            var line = lf < 0 ? block : block[..(lf + 1)];
            block = lf < 0 ? [] : block[(lf + 1)..];
            if (line.Length > 0 && line[0] is (byte)' ' or (byte)'\t')
            {
                if (include)
                {
                    output.AddRange(line);
                }

                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                include = false;
                continue;
            }

            var name = System.Text.Encoding.ASCII.GetString(line[..colon]).TrimEnd();
            include = fields.Any(f => f.Equals(name, StringComparison.OrdinalIgnoreCase)) != not;
            if (include)
            {
                output.AddRange(line);
            }
        }

        output.AddRange("\r\n"u8);
        return [.. output];
    }
}
