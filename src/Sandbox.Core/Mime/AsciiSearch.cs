using System.Text;

namespace Sandbox.Core.Mime;

/// <summary>
/// Case-insensitive search of ASCII text in bytes, without decoding them: for an ASCII needle
/// this is exactly ordinal ignore-case on text whose ASCII characters are those bytes, since
/// among ASCII only A-Z and a-z fold, and .NET's ordinal ignore-case never equates a
/// non-ASCII character with an ASCII one (not U+0131 with 'I', nor U+017F with 'S', nor
/// U+212A with 'K'; checked by a test over every UTF-16 code unit).
/// </summary>
internal static class AsciiSearch
{
    /// <summary>Needles longer than this are not converted (callers then decode instead).</summary>
    public const int MaxNeedle = 256;

    /// <summary>Writes <paramref name="value"/> as bytes; false when it is not ASCII or too long.</summary>
    public static bool TryGetBytes(ReadOnlySpan<char> value, Span<byte> bytes, out int length)
    {
        length = value.Length;
        return value.Length <= bytes.Length && Ascii.IsValid(value) && Encoding.ASCII.GetBytes(value, bytes) == value.Length;
    }

    public static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        if (needle.IsEmpty)
        {
            return true;
        }

        var first = needle[0];
        var lower = (byte)(first | 0x20);
        var upper = (byte)(first & ~0x20);
        var isLetter = lower is >= (byte)'a' and <= (byte)'z';
        while (haystack.Length >= needle.Length)
        {
            var at = isLetter ? haystack.IndexOfAny(lower, upper) : haystack.IndexOf(first);
            if (at < 0 || haystack.Length - at < needle.Length)
            {
                return false;
            }

            if (Ascii.EqualsIgnoreCase(haystack.Slice(at, needle.Length), needle))
            {
                return true;
            }

            haystack = haystack[(at + 1)..];
        }

        return false;
    }
}
