using System.Buffers;
using System.Globalization;
using System.Text;

namespace Sandbox.Protocols.Imap;

/// <summary>
/// The one writer of IMAP responses: all quoting happens here. A string goes out as NIL, an
/// atom, a quoted string (7-bit, no CR/LF, RFC 3501 4.3) or a literal (8-bit or multi-line).
/// </summary>
internal sealed class ImapResponseWriter
{
    private const int MaxQuotedLength = 1024;

    // Like Dovecot, values with quotes or backslashes go out as literals rather than escaped.
    private static readonly SearchValues<byte> s_unquotable = SearchValues.Create(
        [0, (byte)'\r', (byte)'\n', (byte)'"', (byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private byte[] _buffer = new byte[16 * 1024];
    private int _count;

    public int Length => _count;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _count);

    public void Reset() => _count = 0;

    /// <summary>The bytes written since <paramref name="start"/> (a <see cref="Length"/> taken earlier).</summary>
    public ReadOnlySpan<byte> WrittenSince(int start) => _buffer.AsSpan(start, _count - start);

    /// <summary>Drops what was written after <paramref name="length"/> (a <see cref="Length"/> taken earlier).</summary>
    public void Truncate(int length) => _count = length;

    public ImapResponseWriter Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _count += bytes.Length;
        return this;
    }

    /// <summary>Protocol text we generate ourselves (never client input).</summary>
    public ImapResponseWriter Ascii(string text)
    {
        _count += Encoding.ASCII.GetBytes(text, Reserve(text.Length));
        return this;
    }

    public ImapResponseWriter Number(long value)
    {
        value.TryFormat(Reserve(20), out var written, default, CultureInfo.InvariantCulture);
        _count += written;
        return this;
    }

    public ImapResponseWriter Space() => Raw(" "u8);

    public ImapResponseWriter Nil() => Raw("NIL"u8);

    public ImapResponseWriter EndLine() => Raw("\r\n"u8);

    /// <summary>An nstring: NIL for null, otherwise a quoted string or a literal.</summary>
    public ImapResponseWriter NString(ReadOnlySpan<byte> value, bool isNull)
    {
        if (isNull)
        {
            return Nil();
        }

        return String(value);
    }

    public ImapResponseWriter NString(string? value) => value is null ? Nil() : String(Encoding.UTF8.GetBytes(value));

    /// <summary>A string: quoted when 7-bit, single-line and short; otherwise a literal.</summary>
    public ImapResponseWriter String(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxQuotedLength || !IsQuotable(value))
        {
            return Literal(value);
        }

        // A quotable value has no quote or backslash, so nothing inside needs escaping.
        var span = Reserve(value.Length + 2);
        span[0] = (byte)'"';
        value.CopyTo(span[1..]);
        span[value.Length + 1] = (byte)'"';
        _count += value.Length + 2;
        return this;
    }

    public ImapResponseWriter String(string value) => String(Encoding.UTF8.GetBytes(value));

    /// <summary>An astring (mailbox names): an atom when safe, otherwise a string.</summary>
    public ImapResponseWriter AString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return bytes.Length > 0 && bytes.All(IsAtomChar) ? Raw(bytes) : String(bytes);
    }

    public ImapResponseWriter Literal(ReadOnlySpan<byte> value)
    {
        Raw("{"u8).Number(value.Length).Raw("}\r\n"u8);
        return Raw(value);
    }

    public ImapResponseWriter Untagged(string text) => Raw("* "u8).Ascii(text).EndLine();

    public ImapResponseWriter Continuation(string text) => Raw("+ "u8).Ascii(text).EndLine();

    public ImapResponseWriter Tagged(string tag, ImapResult result)
    {
        Ascii(tag).Space().Raw(result.Status switch
        {
            ImapStatus.Ok => "OK"u8,
            ImapStatus.No => "NO"u8,
            _ => "BAD"u8,
        }).Space();
        if (result.Code is not null)
        {
            Raw("["u8).Ascii(result.Code).Raw("] "u8);
        }

        return Ascii(result.Text).EndLine();
    }

    /// <summary>Client text echoed back in a response text: printable ASCII only.</summary>
    public static string Sanitize(string text, int max = 64)
    {
        var clean = new string(text.Take(max).Select(c => c is >= ' ' and < (char)127 and not '[' and not ']' ? c : '?').ToArray());
        return clean.Length == 0 ? "?" : clean;
    }

    private static bool IsQuotable(ReadOnlySpan<byte> value) => !value.ContainsAny(s_unquotable);

    private Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _count < size)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + size));
        }

        return _buffer.AsSpan(_count);
    }

    private static bool IsAtomChar(byte b) =>
        b is > 0x20 and < 0x7F and not ((byte)'(' or (byte)')' or (byte)'{' or (byte)'%' or (byte)'*' or (byte)'"' or (byte)'\\' or (byte)']');
}
