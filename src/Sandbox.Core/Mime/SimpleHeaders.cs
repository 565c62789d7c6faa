using System.Text;
using MimeKit;

namespace Sandbox.Core.Mime;

/// <summary>
/// Header fields read straight from a "simple" raw header block (ASCII, no encoded words, no
/// CR outside CRLF; see <see cref="HeaderBlock.Scan"/>) without MimeKit: a field is a line
/// "name:value" plus its continuation lines, and its value is the raw value unfolded as
/// MimeKit's Header.Unfold does (white space trimmed at both ends, CR and LF removed). The
/// builder uses this for a message only after checking at ingest that it gives exactly
/// MimeKit's names and values (<see cref="Reproduces"/>); searches then run on the bytes.
/// </summary>
internal static class SimpleHeaders
{
    /// <summary>True when reading <paramref name="block"/> gives exactly the names and values of <paramref name="headers"/>.</summary>
    public static bool Reproduces(ReadOnlySpan<byte> block, HeaderList headers, bool withContentFields)
    {
        var reader = new FieldReader(block, withContentFields);
        var i = 0;
        Span<byte> value = stackalloc byte[256];
        while (reader.MoveNext())
        {
            if (i == headers.Count || !SameText(headers[i].Field, reader.Name))
            {
                return false;
            }

            var unfolded = reader.RawValue.Length <= value.Length ? value : new byte[reader.RawValue.Length];
            if (!SameText(headers[i].Value, unfolded[..Unfold(reader.RawValue, unfolded)]))
            {
                return false;
            }

            i++;
        }

        return !reader.Invalid && i == headers.Count;
    }

    public static HeaderField[] Fields(ReadOnlySpan<byte> block, bool withContentFields)
    {
        var fields = new List<HeaderField>();
        var reader = new FieldReader(block, withContentFields);
        while (reader.MoveNext())
        {
            var value = new byte[reader.RawValue.Length];
            fields.Add(new HeaderField(Encoding.ASCII.GetString(reader.Name), Encoding.ASCII.GetString(value, 0, Unfold(reader.RawValue, value))));
        }

        return fields.Count == 0 ? [] : [.. fields];
    }

    /// <summary>Some field named <paramref name="name"/> whose value contains <paramref name="value"/> (ordinal, ignoring case).</summary>
    public static bool HasHeader(ReadOnlySpan<byte> block, bool withContentFields, string name, string value)
    {
        // The block is ASCII, and ordinal ignore-case never equates a non-ASCII character with
        // an ASCII one: a non-ASCII name or value matches nothing here.
        Span<byte> nameBytes = stackalloc byte[AsciiSearch.MaxNeedle];
        Span<byte> valueBytes = stackalloc byte[AsciiSearch.MaxNeedle];
        if (!AsciiSearch.TryGetBytes(name, nameBytes, out var nameLength) || !AsciiSearch.TryGetBytes(value, valueBytes, out var valueLength))
        {
            return (name.Length > AsciiSearch.MaxNeedle || value.Length > AsciiSearch.MaxNeedle)
                && Fields(block, withContentFields).Any(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && h.Value.Contains(value, StringComparison.OrdinalIgnoreCase));
        }

        var reader = new FieldReader(block, withContentFields);
        while (reader.MoveNext())
        {
            if (Ascii.EqualsIgnoreCase(reader.Name, nameBytes[..nameLength]) && ValueContains(reader.RawValue, valueBytes[..valueLength]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Some field whose name or value contains <paramref name="value"/> (ordinal, ignoring case).</summary>
    public static bool AnyContains(ReadOnlySpan<byte> block, bool withContentFields, string value)
    {
        Span<byte> valueBytes = stackalloc byte[AsciiSearch.MaxNeedle];
        if (!AsciiSearch.TryGetBytes(value, valueBytes, out var length))
        {
            return value.Length > AsciiSearch.MaxNeedle
                && Fields(block, withContentFields).Any(h => h.Value.Contains(value, StringComparison.OrdinalIgnoreCase) || h.Name.Contains(value, StringComparison.OrdinalIgnoreCase));
        }

        var needle = valueBytes[..length];
        var reader = new FieldReader(block, withContentFields);
        while (reader.MoveNext())
        {
            if (AsciiSearch.ContainsIgnoreCase(reader.Name, needle) || ValueContains(reader.RawValue, needle))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ValueContains(ReadOnlySpan<byte> rawValue, ReadOnlySpan<byte> needle)
    {
        if (needle.IsEmpty)
        {
            return true;
        }

        Span<byte> buffer = stackalloc byte[256];
        var unfolded = rawValue.Length <= buffer.Length ? buffer : new byte[rawValue.Length];
        return AsciiSearch.ContainsIgnoreCase(unfolded[..Unfold(rawValue, unfolded)], needle);
    }

    /// <summary>MimeKit's Header.Unfold on ASCII: trims white space at both ends and drops every CR and LF.</summary>
    private static int Unfold(ReadOnlySpan<byte> raw, Span<byte> output)
    {
        var start = 0;
        while (start < raw.Length && char.IsWhiteSpace((char)raw[start]))
        {
            start++;
        }

        var end = raw.Length;
        while (end > start && char.IsWhiteSpace((char)raw[end - 1]))
        {
            end--;
        }

        var length = 0;
        foreach (var b in raw[start..end])
        {
            if (b is not ((byte)'\r' or (byte)'\n'))
            {
                output[length++] = b;
            }
        }

        return length;
    }

    private static bool SameText(string text, ReadOnlySpan<byte> ascii)
    {
        if (text.Length != ascii.Length)
        {
            return false;
        }

        for (var i = 0; i < ascii.Length; i++)
        {
            if (text[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads "name:value" fields and their continuation lines; leaves out Content-* fields
    /// unless asked (as MimeKit's MimeMessage does). Sets <see cref="Invalid"/> and stops at a
    /// line it cannot read as a field (a continuation first, no colon, a name that is not
    /// printable ASCII).
    /// </summary>
    private ref struct FieldReader(ReadOnlySpan<byte> block, bool withContentFields)
    {
        private readonly ReadOnlySpan<byte> _block = block;
        private int _position;

        public ReadOnlySpan<byte> Name { get; private set; }

        public ReadOnlySpan<byte> RawValue { get; private set; }

        public bool Invalid { get; private set; }

        public bool MoveNext()
        {
            while (_position < _block.Length && !Invalid)
            {
                var rest = _block[_position..];
                var colon = rest.IndexOf((byte)':');
                var lineEnd = rest.IndexOf((byte)'\n');
                if (colon <= 0 || (lineEnd >= 0 && colon > lineEnd) || !IsFieldName(rest[..colon]))
                {
                    Invalid = true;
                    return false;
                }

                var end = FieldEnd(rest);
                Name = rest[..colon];
                RawValue = rest[(colon + 1)..end];
                _position += end;
                if (withContentFields || Name.Length < 8 || !Ascii.EqualsIgnoreCase(Name[..8], "Content-"u8))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The end of the field starting at <paramref name="rest"/>: after the line end of its last line.</summary>
        private static int FieldEnd(ReadOnlySpan<byte> rest)
        {
            var position = 0;
            while (true)
            {
                var lineEnd = rest[position..].IndexOf((byte)'\n');
                if (lineEnd < 0)
                {
                    return rest.Length;
                }

                position += lineEnd + 1;
                if (position >= rest.Length || rest[position] is not ((byte)' ' or (byte)'\t'))
                {
                    return position;
                }
            }
        }

        private static bool IsFieldName(ReadOnlySpan<byte> name)
        {
            foreach (var b in name)
            {
                if (b is < 33 or > 126)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
