using System.Text;

namespace Sandbox.Core.Mime;

/// <summary>
/// Case-insensitive search of ASCII text in raw bytes, without decoding them. For an ASCII
/// needle in ASCII bytes this is exactly ordinal ignore-case on the decoded text (only A-Z and
/// a-z fold among ASCII); callers make sure both sides are ASCII first, because non-ASCII
/// characters can fold to ASCII ones (U+0131 to 'I', U+017F to 'S').
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
