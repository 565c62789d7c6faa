namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// Reads a structured raw header value (Content-Type, Content-Disposition) of a header block
/// that passed <see cref="ImapHeaders.TryScan"/>, so CR and LF only occur as folds and the line
/// end. The strict grammar of <see cref="ImapSyntax"/>: no comments, no RFC 2231 or RFC 2047
/// parameters, no escapes; callers hand anything else to MimeKit.
/// </summary>
internal ref struct HeaderValueReader(ReadOnlySpan<byte> value)
{
    private readonly ReadOnlySpan<byte> _value = value;
    private int _pos;

    public readonly bool AtEnd => _pos == _value.Length;

    /// <summary>Skips blanks, folds and the line end.</summary>
    public void SkipBlanks()
    {
        while (_pos < _value.Length && _value[_pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _pos++;
        }
    }

    public bool TryChar(byte c)
    {
        if (_pos < _value.Length && _value[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    /// <summary>A non-empty run of <see cref="ImapSyntax.TokenChars"/>, as a range of the value.</summary>
    public bool TryToken(out Range token)
    {
        var length = _value[_pos..].IndexOfAnyExcept(ImapSyntax.TokenChars);
        length = length < 0 ? _value.Length - _pos : length;
        token = _pos..(_pos + length);
        _pos += length;
        return length > 0;
    }

    /// <summary>A parameter value: a token, or a quoted string without escapes or encoded words (its content).</summary>
    public bool TryParameterValue(out Range value)
    {
        if (!TryChar((byte)'"'))
        {
            return TryToken(out value);
        }

        var rest = _value[_pos..];
        var length = rest.IndexOfAnyExcept(ImapSyntax.QuotedChars);
        value = _pos..(_pos + Math.Max(length, 0));
        if (length < 0 || rest[length] != (byte)'"' || rest[..length].IndexOf("=?"u8) >= 0)
        {
            return false;
        }

        _pos += length + 1;
        return true;
    }

    /// <summary>
    /// The parameter list after the type: <c>; name=value</c> pairs, blanks around them, distinct
    /// names (ignoring case). Ranges are relative to the value; false for anything else.
    /// </summary>
    public bool TryParameters(List<(Range Name, Range Value)> parameters)
    {
        SkipBlanks();
        while (!AtEnd)
        {
            if (!TryChar((byte)';'))
            {
                return false;
            }

            SkipBlanks();
            if (!TryToken(out var name) || !TryChar((byte)'=') || !TryParameterValue(out var value) || IsDuplicate(parameters, name))
            {
                return false;
            }

            parameters.Add((name, value));
            SkipBlanks();
        }

        return true;
    }

    private readonly bool IsDuplicate(List<(Range Name, Range Value)> parameters, Range name)
    {
        foreach (var (other, _) in parameters)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(_value[other], _value[name]))
            {
                return true;
            }
        }

        return false;
    }
}
