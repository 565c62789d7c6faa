using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using MimeKit;
using MimeKit.Encodings;

namespace Sandbox.Core.Mime;

/// <summary>The decoding steps of <see cref="BodyText"/> that MimeKit's TextPart.Text takes, done on spans.</summary>
internal static class BodyDecoding
{
    private static readonly ConcurrentDictionary<int, Encoding?> s_encodings = new();

    /// <summary>
    /// In place, what MimeKit's Dos2UnixFilter does to the text (FormatOptions.Default on Unix):
    /// drops each CR that comes right before an LF, and a CR at the very end (for a prefix of
    /// the text, that CR is held back: whether it stays depends on what follows). Returns the
    /// new length.
    /// </summary>
    public static int ToUnixLineEnds(Span<char> chars)
    {
        var first = chars.IndexOf('\r');
        if (first < 0)
        {
            return chars.Length;
        }

        // Runs between CRs move with one vectorised copy each (a 100 KB body has ~1,300 lines).
        var length = first;
        var i = first;
        while (i < chars.Length)
        {
            // chars[i] is a CR: dropped before a LF and at the very end, kept otherwise (a lone CR).
            if (i + 1 < chars.Length && chars[i + 1] != '\n')
            {
                chars[length++] = '\r';
            }

            var start = i + 1;
            var next = chars[start..].IndexOf('\r');
            var end = next < 0 ? chars.Length : start + next;
            chars[start..end].CopyTo(chars[length..]);
            length += end - start;
            i = end;
        }

        return length;
    }

    public static int TransferDecode(IMimeDecoder decoder, ReadOnlyMemory<byte> content, byte[] output)
    {
        if (MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null)
        {
            return decoder.Decode(segment.Array, segment.Offset, segment.Count, output);
        }

        var copy = ArrayPool<byte>.Shared.Rent(Math.Max(1, content.Length));
        try
        {
            content.Span.CopyTo(copy);
            return decoder.Decode(copy, 0, content.Length, output);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>
    /// The charsets that may reproduce MimeKit's text, most likely first: UTF-8 (also right for
    /// ASCII under any ASCII-compatible charset), the declared charset, then ISO-8859-1 (MimeKit's
    /// fallback when there is none and the bytes are not UTF-8). Shared instances, one per code page.
    /// </summary>
    public static IEnumerable<Encoding> Candidates(TextPart part)
    {
        yield return Encoding.UTF8;
        if (Declared(part) is { } declared && declared != Encoding.UTF8 && declared != Encoding.Latin1)
        {
            yield return declared;
        }

        yield return Encoding.Latin1;
    }

    private static Encoding? Declared(TextPart part)
    {
        int codePage;
        try
        {
            if (part.ContentType.CharsetEncoding is not { } encoding)
            {
                return null;
            }

            codePage = encoding.CodePage;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null;
        }

        // One shared instance per code page (a few dozen at most), not one per message.
        return s_encodings.GetOrAdd(codePage, static cp =>
        {
            try
            {
                return Encoding.GetEncoding(cp);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                return null;
            }
        });
    }
}
