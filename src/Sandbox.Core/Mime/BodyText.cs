using System.Buffers;
using System.Text;
using MimeKit;
using MimeKit.Encodings;
using MimeKit.IO;

namespace Sandbox.Core.Mime;

/// <summary>
/// The decoded text of a body part, either kept as a string or decoded on demand from a range
/// of the raw message: the part's content bytes, their transfer decoding (none,
/// quoted-printable, base64) and a charset. <see cref="Capture"/> keeps the range only when
/// decoding it gives exactly what MimeKit's <c>TextPart.Text</c> gave at ingest, so the two
/// can never differ; anything else is kept as the string.
/// </summary>
internal readonly struct BodyText
{
    /// <summary>Raw bytes decoded per step when building a snippet from a body's start.</summary>
    private const int SnippetPrefix = 512;

    /// <summary>A <see cref="string"/> (kept text), an <see cref="Encoding"/> (decoded on demand), or null (no body).</summary>
    private readonly object? _source;
    private readonly int _start;
    private readonly int _length;
    private readonly TransferDecoding _decoding;

    private BodyText(object? source, int start = 0, int length = 0, TransferDecoding decoding = TransferDecoding.None)
    {
        _source = source;
        _start = start;
        _length = length;
        _decoding = decoding;
    }

    private enum TransferDecoding : byte
    {
        None,
        QuotedPrintable,
        Base64,
    }

    public bool IsPresent => _source is not null;

    /// <summary>True when the text is decoded from the raw bytes on demand (not kept).</summary>
    public bool IsLazy => _source is Encoding;

    public static BodyText Kept(string? text) => new(text);

    /// <summary>
    /// The body of <paramref name="part"/>, whose MimeKit text is <paramref name="text"/>, as a
    /// range of <paramref name="raw"/> when that decodes to exactly the same text.
    /// </summary>
    public static BodyText Capture(TextPart part, string text, ReadOnlyMemory<byte> raw)
    {
        if (text.Length == 0 || !TryRange(part, raw, out var start, out var length, out var decoding))
        {
            return Kept(text);
        }

        foreach (var encoding in BodyDecoding.Candidates(part))
        {
            var lazy = new BodyText(encoding, start, length, decoding);
            if (lazy.Reproduces(raw, text))
            {
                return lazy;
            }
        }

        return Kept(text);
    }

    /// <summary>
    /// The body of <paramref name="part"/> as a range of <paramref name="raw"/> without
    /// asking MimeKit for its text, when the content is ASCII that is not transfer-encoded
    /// and the declared charset (if any) decodes ASCII as ASCII: MimeKit's text is then the
    /// bytes widened with CR LF made LF, which is exactly what <see cref="Decode"/> gives (the
    /// corpus tests compare both). Saves decoding every plain-text body twice at ingest.
    /// </summary>
    public static bool TryAscii(TextPart part, ReadOnlyMemory<byte> raw, out BodyText body)
    {
        body = default;
        if (!TryRange(part, raw, out var start, out var length, out var decoding) || decoding != TransferDecoding.None
            || length == 0 || !AsciiCompatible(part.ContentType.Charset) || !Ascii.IsValid(raw.Span.Slice(start, length)))
        {
            return false;
        }

        body = new BodyText(Encoding.UTF8, start, length, TransferDecoding.None);
        return true;
    }

    /// <summary>
    /// Where the part's content lies in <paramref name="raw"/> and its transfer decoding: a
    /// persistent parse leaves each part's content as a BoundStream over the raw bytes.
    /// MimeKit's text has the platform's line ends; only Unix ones are reproduced here.
    /// </summary>
    private static bool TryRange(TextPart part, ReadOnlyMemory<byte> raw, out int start, out int length, out TransferDecoding decoding)
    {
        start = length = 0;
        decoding = TransferDecoding.None;
        if (FormatOptions.Default.NewLineFormat != NewLineFormat.Unix || part.Content?.Stream is not BoundStream bound
            || bound.StartBoundary < 0 || bound.EndBoundary > raw.Length || bound.EndBoundary < bound.StartBoundary
            || DecodingOf(part.ContentTransferEncoding) is not { } found)
        {
            return false;
        }

        start = (int)bound.StartBoundary;
        length = (int)(bound.EndBoundary - bound.StartBoundary);
        decoding = found;
        return true;
    }

    private static bool AsciiCompatible(string? charset) =>
        charset is null
        || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase)
        || charset.Equals("windows-1252", StringComparison.OrdinalIgnoreCase);

    public string? Decode(ReadOnlyMemory<byte> raw)
    {
        if (_source is not Encoding)
        {
            return _source as string;
        }

        var chars = DecodeRented(raw, _length, flush: true, out var count);
        try
        {
            return new string(chars, 0, count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Ordinal, case-insensitive containment, without building the string.</summary>
    public bool Contains(ReadOnlyMemory<byte> raw, string value)
    {
        if (_source is not Encoding)
        {
            return _source is string text && text.Contains(value, StringComparison.OrdinalIgnoreCase);
        }

        // Dropping a CR before an LF cannot make or break a match of a value without CR or
        // LF (no other character case-folds to either), so such a search skips that pass.
        var noLineEnds = value.AsSpan().IndexOfAny('\r', '\n') < 0;
        if (noLineEnds && ByteContains(raw, value) is { } found)
        {
            return found;
        }

        var chars = DecodeRented(raw, _length, flush: true, out var count, rawLineEnds: noLineEnds);
        try
        {
            return chars.AsSpan(0, count).Contains(value, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The snippet of this text; decodes only the start of the body when that is enough.</summary>
    public string Snippet(ReadOnlyMemory<byte> raw)
    {
        if (_source is not Encoding)
        {
            return _source is string text ? SnippetBuilder.Of(text) : "";
        }

        // Streaming decoders only ever emit final output, so the text of a prefix of the
        // content is a prefix of the text (flush: false holds back an incomplete sequence).
        var prefix = Math.Min(_length, SnippetPrefix);
        var chars = DecodeRented(raw, prefix, flush: prefix == _length, out var count);
        try
        {
            var snippet = SnippetBuilder.Build(chars.AsSpan(0, count), out var full);
            if (full || prefix == _length)
            {
                return snippet;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        chars = DecodeRented(raw, _length, flush: true, out count);
        try
        {
            return SnippetBuilder.Of(chars.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// The search on the transfer-decoded bytes, without decoding characters, for an ASCII value
    /// in UTF-8 or ISO-8859-1 (or ASCII bytes in US-ASCII): there each ASCII byte is that ASCII
    /// character (a UTF-8 decoder never takes an ASCII byte into an invalid sequence), every
    /// other byte becomes a non-ASCII character, and ordinal ignore-case never matches a
    /// non-ASCII character with an ASCII one. Null when that does not apply.
    /// </summary>
    private bool? ByteContains(ReadOnlyMemory<byte> raw, string value)
    {
        var codePage = ((Encoding)_source!).CodePage;
        Span<byte> needle = stackalloc byte[AsciiSearch.MaxNeedle];
        if (codePage is not (65001 or 28591 or 20127) || !AsciiSearch.TryGetBytes(value, needle, out var length))
        {
            return null;
        }

        var bytes = TransferDecoded(raw, _length, out var rented);
        try
        {
            return codePage == 20127 && !Ascii.IsValid(bytes) ? null : AsciiSearch.ContainsIgnoreCase(bytes, needle[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private bool Reproduces(ReadOnlyMemory<byte> raw, string text)
    {
        var chars = DecodeRented(raw, _length, flush: true, out var count);
        try
        {
            return chars.AsSpan(0, count).SequenceEqual(text);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Decodes the first <paramref name="length"/> content bytes into a pooled array the caller
    /// returns: transfer decoding, charset, then line ends as MimeKit's <c>TextPart.GetText</c>
    /// leaves them (<see cref="BodyDecoding.ToUnixLineEnds"/>) unless <paramref name="rawLineEnds"/>.
    /// </summary>
    private char[] DecodeRented(ReadOnlyMemory<byte> raw, int length, bool flush, out int count, bool rawLineEnds = false)
    {
        var encoding = (Encoding)_source!;
        var bytes = TransferDecoded(raw, length, out var rented);
        try
        {
            var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
            count = flush ? encoding.GetChars(bytes, chars) : encoding.GetDecoder().GetChars(bytes, chars, flush: false);
            count = rawLineEnds ? count : BodyDecoding.ToUnixLineEnds(chars.AsSpan(0, count));
            return chars;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The first <paramref name="length"/> content bytes after transfer decoding: a slice of
    /// <paramref name="raw"/>, or of <paramref name="rented"/> (pooled; the caller returns it).
    /// </summary>
    private ReadOnlySpan<byte> TransferDecoded(ReadOnlyMemory<byte> raw, int length, out byte[]? rented)
    {
        var content = raw.Slice(_start, length);
        if (_decoding == TransferDecoding.None)
        {
            rented = null;
            return content.Span;
        }

        IMimeDecoder decoder = _decoding == TransferDecoding.Base64 ? new Base64Decoder() : new QuotedPrintableDecoder();
        rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, decoder.EstimateOutputLength(length)));
        return rented.AsSpan(0, BodyDecoding.TransferDecode(decoder, content, rented));
    }

    private static TransferDecoding? DecodingOf(ContentEncoding encoding) => encoding switch
    {
        ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary => TransferDecoding.None,
        ContentEncoding.QuotedPrintable => TransferDecoding.QuotedPrintable,
        ContentEncoding.Base64 => TransferDecoding.Base64,
        _ => null,
    };


}
