using System.Runtime.CompilerServices;
using MimeKit;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// The headers of one entity as far as ENVELOPE and BODYSTRUCTURE read them: the raw value of
/// the first header of each field (what MimeKit's <see cref="Header.RawValue"/> holds: the
/// bytes after the colon through the line end, folds kept). Either offsets into the raw
/// message, from a strict scan of a plain header block, or MimeKit's parsed list for the rest.
/// </summary>
internal sealed class ImapHeaders
{
    private static readonly HeaderId[] s_ids =
    [
        HeaderId.Date, HeaderId.Subject, HeaderId.From, HeaderId.Sender, HeaderId.ReplyTo, HeaderId.To, HeaderId.Cc,
        HeaderId.Bcc, HeaderId.InReplyTo, HeaderId.MessageId, HeaderId.ContentType, HeaderId.ContentId,
        HeaderId.ContentDescription, HeaderId.ContentTransferEncoding, HeaderId.ContentMd5,
        HeaderId.ContentDisposition, HeaderId.ContentLanguage, HeaderId.ContentLocation,
    ];

    // The same fields by name, compared ignoring ASCII case (as MimeKit maps a field to its HeaderId).
    private static readonly byte[][] s_names =
    [
        "date"u8.ToArray(), "subject"u8.ToArray(), "from"u8.ToArray(), "sender"u8.ToArray(), "reply-to"u8.ToArray(),
        "to"u8.ToArray(), "cc"u8.ToArray(), "bcc"u8.ToArray(), "in-reply-to"u8.ToArray(), "message-id"u8.ToArray(),
        "content-type"u8.ToArray(), "content-id"u8.ToArray(), "content-description"u8.ToArray(),
        "content-transfer-encoding"u8.ToArray(), "content-md5"u8.ToArray(), "content-disposition"u8.ToArray(),
        "content-language"u8.ToArray(), "content-location"u8.ToArray(),
    ];

    private readonly HeaderList? _list;
    private Offsets _starts;
    private Offsets _ends;

    private ImapHeaders(HeaderList? list)
    {
        _list = list;
        ((Span<int>)_starts).Fill(-1);
    }

    public static ImapHeaders Empty { get; } = new(new HeaderList());

    public static ImapHeaders From(HeaderList list) => new(list);

    /// <summary>True when the values are offsets into the raw message from <see cref="TryScan"/>.</summary>
    public bool IsScanned => _list is null;

    /// <summary>
    /// Scans the header block at <paramref name="begin"/>: header lines of a token name, a colon and
    /// a value (folds allowed), every line ending in CRLF, no NUL or bare CR, ended by an empty line
    /// before <paramref name="end"/>. Anything else is left to MimeKit (false).
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> raw, int begin, int end, bool requireHeader, out int bodyStart, out ImapHeaders? headers)
    {
        headers = null;
        bodyStart = 0;
        var pos = begin;
        while (true)
        {
            var rest = raw[pos..end];
            if (rest.StartsWith("\r\n"u8))
            {
                bodyStart = pos + 2;
                headers ??= requireHeader ? null : new ImapHeaders(null);
                return headers is not null;
            }

            var colon = rest.IndexOfAnyExcept(ImapSyntax.FieldNameChars);
            if (colon <= 0 || rest[colon] != (byte)':' || !TryHeaderEnd(raw, pos + colon + 1, end, out var next))
            {
                return false;
            }

            headers ??= new ImapHeaders(null);
            if (!headers.Record(rest[..colon], pos + colon + 1, next))
            {
                return false;
            }

            pos = next;
        }
    }

    /// <summary>The raw value of the first header of the field; false when there is none.</summary>
    public bool TryGet(ReadOnlySpan<byte> raw, HeaderId id, out ReadOnlySpan<byte> value)
    {
        if (_list is not null)
        {
            var index = _list.IndexOf(id);
            value = index < 0 ? default : _list[index].RawValue;
            return index >= 0;
        }

        var slot = Array.IndexOf(s_ids, id);
        var start = _starts[slot];
        value = start < 0 ? default : raw[start.._ends[slot]];
        return start >= 0;
    }

    /// <summary>Where the raw value of the first header of the field is in the raw message (scanned headers only).</summary>
    public bool TryGetRange(HeaderId id, out Range range)
    {
        var slot = Array.IndexOf(s_ids, id);
        range = _starts[slot] < 0 ? default : _starts[slot].._ends[slot];
        return _list is null && _starts[slot] >= 0;
    }

    // One header's lines from the value start: each ends in CRLF, a line starting with SP or HTAB
    // continues it; a blank-only continuation line or a NUL or bare CR gives up.
    private static bool TryHeaderEnd(ReadOnlySpan<byte> raw, int valueStart, int end, out int next)
    {
        next = valueStart;
        var continuation = false;
        while (true)
        {
            var rest = raw[next..end];
            var lf = rest.IndexOf((byte)'\n');
            if (lf < 1 || rest[lf - 1] != (byte)'\r' || rest[..(lf - 1)].IndexOfAny((byte)'\r', (byte)0) >= 0
                || (continuation && rest[..(lf - 1)].IndexOfAnyExcept((byte)' ', (byte)'\t') < 0))
            {
                return false;
            }

            next += lf + 1;
            if (next >= end || raw[next] is not ((byte)' ' or (byte)'\t'))
            {
                return true;
            }

            continuation = true;
        }
    }

    // Keeps the first header of each field; a second Content-Type is left to MimeKit, which
    // decides which one the entity's type comes from.
    private bool Record(ReadOnlySpan<byte> name, int start, int end)
    {
        for (var i = 0; i < s_names.Length; i++)
        {
            if (name.Length == s_names[i].Length && System.Text.Ascii.EqualsIgnoreCase(name, s_names[i]))
            {
                if (_starts[i] >= 0)
                {
                    return s_ids[i] != HeaderId.ContentType;
                }

                _starts[i] = start;
                _ends[i] = end;
                return true;
            }
        }

        return true;
    }

    [InlineArray(18)]
    private struct Offsets
    {
        private int _element;
    }
}
