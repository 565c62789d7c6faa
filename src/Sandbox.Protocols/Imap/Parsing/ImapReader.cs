using System.Text;

namespace Sandbox.Protocols.Imap.Parsing;

/// <summary>
/// A pure tokenizer over one complete command (its lines joined with CRLF, literals inline as
/// <c>{n}</c> CRLF octets, as framed by <see cref="LiteralFraming"/>). RFC 3501 section 9.
/// </summary>
internal sealed class ImapReader(byte[] buffer, int position = 0)
{
    private readonly byte[] _buffer = buffer;
    private int _pos = position;

    public bool AtEnd => _pos >= _buffer.Length;

    /// <summary>The read position, for a one-token look-ahead.</summary>
    public int Position
    {
        get => _pos;
        set => _pos = value;
    }

    public byte Peek => AtEnd ? (byte)0 : _buffer[_pos];

    public void Space()
    {
        if (!TryChar((byte)' '))
        {
            throw new ImapSyntaxException("Expected a space.");
        }
    }

    public bool TryChar(byte c)
    {
        if (!AtEnd && _buffer[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    public void Expect(byte c)
    {
        if (!TryChar(c))
        {
            throw new ImapSyntaxException($"Expected '{(char)c}'.");
        }
    }

    public void End()
    {
        if (!AtEnd)
        {
            throw new ImapSyntaxException("Unexpected extra arguments.");
        }
    }

    /// <summary>Reads an atom: anything up to a space, a parenthesis, a quote or the end.</summary>
    public string Atom()
    {
        var start = _pos;
        while (!AtEnd && !IsAtomEnd(_buffer[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw new ImapSyntaxException("Expected an atom.");
        }

        return Encoding.ASCII.GetString(_buffer, start, _pos - start);
    }

    /// <summary>Reads an astring (atom, quoted string or literal) as bytes.</summary>
    public byte[] AString() => Peek is (byte)'"' or (byte)'{' ? String() : Encoding.ASCII.GetBytes(Atom());

    public string AStringText() => Encoding.UTF8.GetString(AString());

    /// <summary>Reads a quoted string or a literal.</summary>
    public byte[] String()
    {
        if (TryChar((byte)'"'))
        {
            return Quoted();
        }

        if (TryChar((byte)'{'))
        {
            return Literal();
        }

        throw new ImapSyntaxException("Expected a string.");
    }

    /// <summary>Reads a parenthesised list of atoms (flags); an unparenthesised single atom is accepted too.</summary>
    public List<string> AtomList()
    {
        var items = new List<string>();
        if (!TryChar((byte)'('))
        {
            items.Add(Atom());
            return items;
        }

        while (!TryChar((byte)')'))
        {
            if (items.Count > 0)
            {
                Space();
            }

            items.Add(Atom());
        }

        return items;
    }

    /// <summary>Reads the rest of the command as text (used for SASL responses).</summary>
    public string Rest()
    {
        var text = Encoding.ASCII.GetString(_buffer, _pos, _buffer.Length - _pos);
        _pos = _buffer.Length;
        return text;
    }

    private static bool IsAtomEnd(byte b) => b is (byte)' ' or (byte)'(' or (byte)')' or (byte)'"' or (byte)'\r' or (byte)'\n' or (byte)'{';

    private byte[] Quoted()
    {
        var result = new List<byte>();
        while (true)
        {
            if (AtEnd)
            {
                throw new ImapSyntaxException("Unterminated quoted string.");
            }

            var b = _buffer[_pos++];
            if (b == (byte)'"')
            {
                return [.. result];
            }

            if (b is (byte)'\r' or (byte)'\n')
            {
                throw new ImapSyntaxException("A quoted string cannot contain CR or LF.");
            }

            if (b == (byte)'\\')
            {
                if (AtEnd || _buffer[_pos] is not ((byte)'"' or (byte)'\\'))
                {
                    throw new ImapSyntaxException("Invalid escape in a quoted string.");
                }

                b = _buffer[_pos++];
            }

            result.Add(b);
        }
    }

    private byte[] Literal()
    {
        long size = 0;
        var digits = 0;
        while (!AtEnd && _buffer[_pos] is >= (byte)'0' and <= (byte)'9')
        {
            size = (size * 10) + (_buffer[_pos++] - '0');
            digits++;
            if (size > int.MaxValue)
            {
                throw new ImapSyntaxException("Literal too large.");
            }
        }

        TryChar((byte)'+');
        if (digits == 0 || !TryChar((byte)'}') || !TryChar((byte)'\r') || !TryChar((byte)'\n') || _buffer.Length - _pos < size)
        {
            throw new ImapSyntaxException("Invalid literal.");
        }

        var bytes = _buffer.AsSpan(_pos, (int)size).ToArray();
        _pos += (int)size;
        return bytes;
    }
}
