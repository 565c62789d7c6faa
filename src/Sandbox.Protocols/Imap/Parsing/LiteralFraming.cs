namespace Sandbox.Protocols.Imap.Parsing;

/// <summary>What a command line announces at its end: nothing, a literal, or a malformed literal.</summary>
internal enum LiteralKind
{
    None,
    Synchronizing,
    NonSynchronizing,
    Invalid,
}

/// <summary>
/// Finds the literal announced at the end of a line (RFC 3501 4.3 <c>{n}</c>, RFC 7888
/// LITERAL+ <c>{n+}</c>). Pure; the session decides about limits and the <c>+</c> continuation.
/// </summary>
internal static class LiteralFraming
{
    public static (LiteralKind Kind, long Size) Parse(ReadOnlySpan<byte> line)
    {
        if (line.Length < 3 || line[^1] != (byte)'}')
        {
            return (LiteralKind.None, 0);
        }

        var open = line.LastIndexOf((byte)'{');
        if (open < 0)
        {
            return (LiteralKind.None, 0);
        }

        var inner = line[(open + 1)..^1];
        if (inner.IndexOf((byte)' ') >= 0 || (open > 0 && line[open - 1] != (byte)' ' && line[open - 1] != (byte)'('))
        {
            return (LiteralKind.None, 0);
        }

        var kind = LiteralKind.Synchronizing;
        if (inner.Length > 0 && inner[^1] == (byte)'+')
        {
            kind = LiteralKind.NonSynchronizing;
            inner = inner[..^1];
        }

        if (inner.Length is 0 or > 10)
        {
            return (LiteralKind.Invalid, 0);
        }

        long size = 0;
        foreach (var b in inner)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return (LiteralKind.Invalid, 0);
            }

            size = (size * 10) + (b - '0');
        }

        return (kind, size);
    }
}
