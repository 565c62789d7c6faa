using System.Globalization;
using System.Text;

namespace Sandbox.Protocols.Imap.Parsing;

/// <summary>
/// Parses FETCH data items (RFC 3501 6.4.5): a parenthesised list, a single bare item
/// (fetchmail, curl), or the macros ALL, FAST and FULL.
/// </summary>
internal static class FetchItemParser
{
    public static List<FetchItem> Parse(ImapReader reader)
    {
        var items = new List<FetchItem>();
        if (!reader.TryChar((byte)'('))
        {
            items.AddRange(ParseOne(reader, allowMacro: true));
            return items;
        }

        while (!reader.TryChar((byte)')'))
        {
            if (items.Count > 0)
            {
                reader.Space();
            }

            items.AddRange(ParseOne(reader, allowMacro: false));
        }

        return items.Count == 0 ? throw new ImapSyntaxException("Empty FETCH item list.") : items;
    }

    private static IEnumerable<FetchItem> ParseOne(ImapReader reader, bool allowMacro)
    {
        var name = Name(reader);
        switch (name)
        {
            case "ALL" when allowMacro:
                return [new(FetchItemKind.Flags), new(FetchItemKind.InternalDate), new(FetchItemKind.Rfc822Size), new(FetchItemKind.Envelope)];
            case "FAST" when allowMacro:
                return [new(FetchItemKind.Flags), new(FetchItemKind.InternalDate), new(FetchItemKind.Rfc822Size)];
            case "FULL" when allowMacro:
                return [new(FetchItemKind.Flags), new(FetchItemKind.InternalDate), new(FetchItemKind.Rfc822Size), new(FetchItemKind.Envelope), new(FetchItemKind.Body)];
            case "UID": return [new(FetchItemKind.Uid)];
            case "FLAGS": return [new(FetchItemKind.Flags)];
            case "INTERNALDATE": return [new(FetchItemKind.InternalDate)];
            case "RFC822.SIZE": return [new(FetchItemKind.Rfc822Size)];
            case "ENVELOPE": return [new(FetchItemKind.Envelope)];
            case "BODYSTRUCTURE": return [new(FetchItemKind.BodyStructure)];
            case "RFC822": return [new(FetchItemKind.Rfc822)];
            case "RFC822.HEADER": return [new(FetchItemKind.Rfc822Header)];
            case "RFC822.TEXT": return [new(FetchItemKind.Rfc822Text)];
            case "BODY" when reader.Peek != (byte)'[': return [new(FetchItemKind.Body)];
            case "BODY" or "BODY.PEEK": return [Section(reader, name == "BODY.PEEK")];
            default:
                throw new ImapSyntaxException("Unknown FETCH item.");
        }
    }

    private static string Name(ImapReader reader)
    {
        var sb = new StringBuilder();
        while (!reader.AtEnd && (char.IsAsciiLetterOrDigit((char)reader.Peek) || reader.Peek is (byte)'.' or (byte)'8'))
        {
            sb.Append((char)reader.Peek);
            reader.TryChar(reader.Peek);
        }

        return sb.Length == 0 ? throw new ImapSyntaxException("Expected a FETCH item.") : sb.ToString().ToUpperInvariant();
    }

    private static FetchItem Section(ImapReader reader, bool peek)
    {
        reader.Expect((byte)'[');
        var path = new List<int>();
        while (char.IsAsciiDigit((char)reader.Peek))
        {
            var n = Number(reader);
            if (n is 0 or > 10_000)
            {
                throw new ImapSyntaxException("Invalid part number.");
            }

            path.Add((int)n);
            if (!reader.TryChar((byte)'.'))
            {
                break;
            }
        }

        var text = SectionText.None;
        var fields = new List<string>();
        if (reader.Peek != (byte)']')
        {
            text = Name(reader) switch
            {
                "HEADER" => SectionText.Header,
                "HEADER.FIELDS" => SectionText.HeaderFields,
                "HEADER.FIELDS.NOT" => SectionText.HeaderFieldsNot,
                "TEXT" => SectionText.Text,
                "MIME" when path.Count > 0 => SectionText.Mime,
                _ => throw new ImapSyntaxException("Invalid section."),
            };
            if (text is SectionText.HeaderFields or SectionText.HeaderFieldsNot)
            {
                reader.Space();
                reader.Expect((byte)'(');
                while (!reader.TryChar((byte)')'))
                {
                    if (fields.Count > 0)
                    {
                        reader.Space();
                    }

                    fields.Add(reader.AStringText());
                }
            }
        }

        reader.Expect((byte)']');
        var item = new FetchItem(FetchItemKind.Section) { Peek = peek, Path = path, Text = text, Fields = fields };
        if (reader.TryChar((byte)'<'))
        {
            var origin = Number(reader);
            reader.Expect((byte)'.');
            var count = Number(reader);
            reader.Expect((byte)'>');
            item = item with { PartialOrigin = origin, PartialCount = count };
        }

        return item;
    }

    private static long Number(ImapReader reader)
    {
        var sb = new StringBuilder();
        while (char.IsAsciiDigit((char)reader.Peek) && sb.Length < 11)
        {
            sb.Append((char)reader.Peek);
            reader.TryChar(reader.Peek);
        }

        return sb.Length is 0 or > 10 || !uint.TryParse(sb.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? throw new ImapSyntaxException("Invalid number.")
            : n;
    }
}
