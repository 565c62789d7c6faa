using System.Globalization;
using Sandbox.Core.Messages;

namespace Sandbox.Protocols.Imap.Parsing;

/// <summary>
/// Parses SEARCH criteria (RFC 3501 6.4.4) into a <see cref="SearchKey"/> tree, with a depth
/// limit on NOT/OR/parentheses so nesting cannot exhaust the stack.
/// </summary>
internal static class SearchParser
{
    public const int MaxDepth = 64;

    public static SearchKey Parse(ImapReader reader)
    {
        var keys = new List<SearchKey>();
        do
        {
            keys.Add(Key(reader, 0));
        }
        while (reader.TryChar((byte)' '));
        reader.End();
        return keys.Count == 1 ? keys[0] : new SearchKey(SearchOp.And) { Children = keys };
    }

    private static SearchKey Key(ImapReader reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ImapSyntaxException("Search criteria nested too deeply.");
        }

        if (reader.TryChar((byte)'('))
        {
            var keys = new List<SearchKey>();
            do
            {
                keys.Add(Key(reader, depth + 1));
            }
            while (reader.TryChar((byte)' '));
            reader.Expect((byte)')');
            return new SearchKey(SearchOp.And) { Children = keys };
        }

        var atom = reader.Atom();
        if (SequenceSet.LooksLikeSet(atom))
        {
            return new SearchKey(SearchOp.SequenceSet) { Set = SequenceSet.Parse(atom) };
        }

        return atom.ToUpperInvariant() switch
        {
            "ALL" => new SearchKey(SearchOp.All),
            "SEEN" => Flag(SearchOp.Flag, MessageFlags.Seen),
            "UNSEEN" => Flag(SearchOp.NoFlag, MessageFlags.Seen),
            "DELETED" => Flag(SearchOp.Flag, MessageFlags.Deleted),
            "UNDELETED" => Flag(SearchOp.NoFlag, MessageFlags.Deleted),
            "ANSWERED" => Flag(SearchOp.Flag, MessageFlags.Answered),
            "UNANSWERED" => Flag(SearchOp.NoFlag, MessageFlags.Answered),
            "FLAGGED" => Flag(SearchOp.Flag, MessageFlags.Flagged),
            "UNFLAGGED" => Flag(SearchOp.NoFlag, MessageFlags.Flagged),
            "DRAFT" => Flag(SearchOp.Flag, MessageFlags.Draft),
            "UNDRAFT" => Flag(SearchOp.NoFlag, MessageFlags.Draft),
            "OLD" => new SearchKey(SearchOp.All),

            // \Recent is not kept (every session sees 0 RECENT), so NEW and RECENT match nothing.
            "NEW" or "RECENT" => new SearchKey(SearchOp.None),
            "KEYWORD" => Keyword(reader, negate: false),
            "UNKEYWORD" => Keyword(reader, negate: true),
            "NOT" => new SearchKey(SearchOp.Not) { Children = [After(reader, depth)] },
            "OR" => new SearchKey(SearchOp.Or) { Children = [After(reader, depth), After(reader, depth)] },
            "UID" => new SearchKey(SearchOp.UidSet) { Set = SequenceSet.Parse(Arg(reader)) },
            "FROM" or "TO" or "CC" or "BCC" or "SUBJECT" => new SearchKey(SearchOp.Header) { Field = atom.ToUpperInvariant(), Value = Arg(reader) },
            "HEADER" => Header(reader),
            "BODY" => new SearchKey(SearchOp.Body) { Value = Arg(reader) },
            "TEXT" => new SearchKey(SearchOp.Text) { Value = Arg(reader) },
            "SINCE" => Date(reader, SearchOp.Since),
            "BEFORE" => Date(reader, SearchOp.Before),
            "ON" => Date(reader, SearchOp.On),
            "SENTSINCE" => Date(reader, SearchOp.SentSince),
            "SENTBEFORE" => Date(reader, SearchOp.SentBefore),
            "SENTON" => Date(reader, SearchOp.SentOn),
            "LARGER" => new SearchKey(SearchOp.Larger) { Number = Number(reader) },
            "SMALLER" => new SearchKey(SearchOp.Smaller) { Number = Number(reader) },
            _ => throw new ImapSyntaxException("Unknown search key."),
        };
    }

    private static SearchKey After(ImapReader reader, int depth)
    {
        reader.Space();
        return Key(reader, depth + 1);
    }

    private static SearchKey Flag(SearchOp op, MessageFlags flag) => new(op) { Flag = flag };

    private static SearchKey Keyword(ImapReader reader, bool negate)
    {
        var keyword = Arg(reader);
        if (ImapFlags.FromKeyword(keyword) is { } flag)
        {
            return Flag(negate ? SearchOp.NoFlag : SearchOp.Flag, flag);
        }

        // Keywords are not stored: no message has one.
        return new SearchKey(negate ? SearchOp.All : SearchOp.None);
    }

    private static SearchKey Header(ImapReader reader)
    {
        var field = Arg(reader);
        return new SearchKey(SearchOp.Header) { Field = field, Value = Arg(reader) };
    }

    private static string Arg(ImapReader reader)
    {
        reader.Space();
        return reader.AStringText();
    }

    private static SearchKey Date(ImapReader reader, SearchOp op)
    {
        var text = Arg(reader);
        return DateOnly.TryParseExact(text, ["d-MMM-yyyy", "dd-MMM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new SearchKey(op) { Date = date }
            : throw new ImapSyntaxException("Invalid date.");
    }

    private static long Number(ImapReader reader) =>
        uint.TryParse(Arg(reader), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ImapSyntaxException("Invalid number.");
}
