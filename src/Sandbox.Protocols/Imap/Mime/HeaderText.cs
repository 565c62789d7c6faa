using MimeKit;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// A header's value as ENVELOPE and BODYSTRUCTURE send it: the blanks after the colon skipped,
/// then unfolded by removing CR and LF only (as Dovecot does, so a value that starts on a
/// continuation line keeps that line's leading blank), trailing blanks trimmed.
/// </summary>
internal static class HeaderText
{
    private const int MaxScratch = 64 * 1024;

    [ThreadStatic]
    private static byte[]? t_scratch;

    /// <summary>
    /// The value of the first header of the field; false when absent. A folded value is unfolded
    /// into a per-thread buffer, so use it before asking for the next one.
    /// </summary>
    public static bool TryGet(ReadOnlySpan<byte> raw, ImapHeaders headers, HeaderId id, out ReadOnlySpan<byte> value)
    {
        if (!headers.TryGet(raw, id, out var rawValue))
        {
            value = default;
            return false;
        }

        var skip = rawValue.IndexOfAnyExcept((byte)' ', (byte)'\t');
        rawValue = skip < 0 ? [] : rawValue[skip..];
        var newline = rawValue.IndexOfAny((byte)'\r', (byte)'\n');
        if (newline >= 0 && rawValue[newline..].ContainsAnyExcept((byte)'\r', (byte)'\n'))
        {
            rawValue = Unfold(rawValue);
        }
        else if (newline >= 0)
        {
            rawValue = rawValue[..newline];
        }

        value = rawValue.TrimEnd("\t "u8);
        return true;
    }

    private static ReadOnlySpan<byte> Unfold(ReadOnlySpan<byte> folded)
    {
        // One buffer per thread for the usual sizes; a huge folded header gets its own array.
        var scratch = t_scratch is { } buffer && buffer.Length >= folded.Length ? buffer
            : folded.Length > MaxScratch ? new byte[folded.Length]
            : t_scratch = new byte[Math.Max(folded.Length, 1024)];
        var length = 0;
        foreach (var b in folded)
        {
            if (b is not ((byte)'\r' or (byte)'\n'))
            {
                scratch[length++] = b;
            }
        }

        return scratch.AsSpan(0, length);
    }
}
