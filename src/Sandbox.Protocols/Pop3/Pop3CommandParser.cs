using System.Text;

namespace Sandbox.Protocols.Pop3;

/// <summary>
/// Pure parsing of POP3 command lines (RFC 1939 section 3: a case-insensitive keyword of 3-4
/// characters, then arguments separated by spaces). No I/O: the session owns the line limit.
/// </summary>
internal static class Pop3CommandParser
{
    private static readonly Dictionary<string, Pop3Command> s_names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USER"] = Pop3Command.User,
        ["PASS"] = Pop3Command.Pass,
        ["AUTH"] = Pop3Command.Auth,
        ["CAPA"] = Pop3Command.Capa,
        ["STLS"] = Pop3Command.Stls,
        ["QUIT"] = Pop3Command.Quit,
        ["STAT"] = Pop3Command.Stat,
        ["LIST"] = Pop3Command.List,
        ["RETR"] = Pop3Command.Retr,
        ["DELE"] = Pop3Command.Dele,
        ["NOOP"] = Pop3Command.Noop,
        ["RSET"] = Pop3Command.Rset,
        ["TOP"] = Pop3Command.Top,
        ["UIDL"] = Pop3Command.Uidl,
    };

    /// <summary>Parses one line (without its CRLF). Unknown keywords give <see cref="Pop3Command.Unknown"/>.</summary>
    public static Pop3Request Parse(ReadOnlySpan<byte> line)
    {
        // Latin-1 keeps every byte as one char, so a PASS argument with 8-bit bytes survives.
        var text = Encoding.Latin1.GetString(line);
        var keywordEnd = text.IndexOf(' ', StringComparison.Ordinal);
        var keyword = keywordEnd < 0 ? text : text[..keywordEnd];
        if (!s_names.TryGetValue(keyword, out var command))
        {
            return new Pop3Request(Pop3Command.Unknown, []);
        }

        if (keywordEnd < 0)
        {
            return new Pop3Request(command, []);
        }

        var rest = text[(keywordEnd + 1)..];

        // PASS takes the rest of the line: passwords may contain spaces (RFC 1939 section 7 note).
        string[] arguments = command == Pop3Command.Pass
            ? [rest]
            : rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Pop3Request(command, arguments);
    }

    /// <summary>
    /// A message number or line count: decimal digits only (no sign, no spaces). Values beyond
    /// <see cref="int.MaxValue"/> give <see cref="int.MaxValue"/>, which no maildrop reaches.
    /// </summary>
    public static bool TryParseNumber(string text, out int value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        long accumulated = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            accumulated = Math.Min(accumulated * 10 + (c - '0'), int.MaxValue);
        }

        value = (int)accumulated;
        return true;
    }
}
