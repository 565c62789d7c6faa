namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// Writes the ENVELOPE address list (RFC 3501 7.4.2) of a header value in the plain forms
/// without going through MimeKit: comma-separated <c>local@domain</c>, <c>&lt;local@domain&gt;</c>,
/// <c>Display Name &lt;local@domain&gt;</c> and <c>"Display, Name" &lt;local@domain&gt;</c>, in
/// ASCII, with no comments, groups, routes, escapes, encoded words or IDNA labels. Anything else
/// returns false (with nothing written) and MimeKit's address parser takes over.
/// </summary>
internal static class SimpleAddressList
{
    public static bool TryWrite(ImapResponseWriter w, ReadOnlySpan<byte> value)
    {
        if (value.IndexOf("=?"u8) >= 0)
        {
            return false;
        }

        var start = w.Length;
        w.Raw("("u8);
        var pos = 0;
        while (true)
        {
            pos = SkipBlanks(value, pos);
            if (!TryMailbox(w, value, ref pos))
            {
                w.Truncate(start);
                return false;
            }

            pos = SkipBlanks(value, pos);
            if (pos == value.Length)
            {
                w.Raw(")"u8);
                return true;
            }

            if (value[pos] != (byte)',')
            {
                w.Truncate(start);
                return false;
            }

            pos++;
        }
    }

    private static bool TryMailbox(ImapResponseWriter w, ReadOnlySpan<byte> value, ref int pos)
    {
        Range name = default;
        if (pos < value.Length && value[pos] == (byte)'"')
        {
            var length = value[(pos + 1)..].IndexOfAnyExcept(ImapSyntax.QuotedChars);
            if (length < 0 || value[pos + 1 + length] != (byte)'"')
            {
                return false;
            }

            name = (pos + 1)..(pos + 1 + length);
            pos = SkipBlanks(value, pos + length + 2);
        }
        else if (pos < value.Length && value[pos] != (byte)'<')
        {
            var word = Run(value, pos, ImapSyntax.AtomChars);
            if (word > 0 && pos + word < value.Length && value[pos + word] is (byte)'@' or (byte)'.')
            {
                // A bare addr-spec: no name.
                return TryAddrSpec(w, value, ref pos, default, bracketed: false);
            }

            name = TryPhrase(value, ref pos);
            if (name.Equals(default(Range)))
            {
                return false;
            }
        }

        if (pos >= value.Length || value[pos] != (byte)'<')
        {
            return false;
        }

        pos++;
        return TryAddrSpec(w, value, ref pos, value[name], bracketed: true);
    }

    // Atoms separated by single spaces, ending before optional blanks and '<'.
    private static Range TryPhrase(ReadOnlySpan<byte> value, ref int pos)
    {
        var start = pos;
        var end = pos;
        while (true)
        {
            var word = Run(value, pos, ImapSyntax.AtomChars);
            if (word == 0)
            {
                return default;
            }

            end = pos + word;
            pos = SkipBlanks(value, end);
            if (pos < value.Length && value[pos] == (byte)'<')
            {
                return start..end;
            }

            if (pos != end + 1 || value[end] != (byte)' ')
            {
                return default;
            }
        }
    }

    private static bool TryAddrSpec(ImapResponseWriter w, ReadOnlySpan<byte> value, ref int pos, ReadOnlySpan<byte> name, bool bracketed)
    {
        var local = TryDotted(value, pos, ImapSyntax.AtomChars);
        if (local == 0 || pos + local >= value.Length || value[pos + local] != (byte)'@')
        {
            return false;
        }

        var domainStart = pos + local + 1;
        var domain = TryDotted(value, domainStart, ImapSyntax.LabelChars);
        var end = domainStart + domain;
        if (domain == 0 || IsIdna(value.Slice(domainStart, domain)) || (bracketed && (end >= value.Length || value[end] != (byte)'>')))
        {
            return false;
        }

        w.Raw("("u8).NString(name, name.IsEmpty).Raw(" NIL "u8).String(value.Slice(pos, local)).Space().String(value.Slice(domainStart, domain)).Raw(")"u8);
        pos = bracketed ? end + 1 : end;
        return true;
    }

    // Runs of the class joined by single dots; the length, or 0 when not of that shape.
    private static int TryDotted(ReadOnlySpan<byte> value, int pos, System.Buffers.SearchValues<byte> chars)
    {
        var start = pos;
        while (true)
        {
            var run = Run(value, pos, chars);
            if (run == 0)
            {
                return 0;
            }

            pos += run;
            if (pos >= value.Length || value[pos] != (byte)'.')
            {
                return pos - start;
            }

            pos++;
        }
    }

    private static bool IsIdna(ReadOnlySpan<byte> domain)
    {
        foreach (var label in domain.Split((byte)'.'))
        {
            if (System.Text.Ascii.EqualsIgnoreCase(domain[label][..Math.Min(4, domain[label].Length)], "xn--"u8))
            {
                return true;
            }
        }

        return false;
    }

    private static int Run(ReadOnlySpan<byte> value, int pos, System.Buffers.SearchValues<byte> chars)
    {
        var run = value[pos..].IndexOfAnyExcept(chars);
        return run < 0 ? value.Length - pos : run;
    }

    private static int SkipBlanks(ReadOnlySpan<byte> value, int pos)
    {
        while (pos < value.Length && ImapSyntax.IsBlank(value[pos]))
        {
            pos++;
        }

        return pos;
    }
}
