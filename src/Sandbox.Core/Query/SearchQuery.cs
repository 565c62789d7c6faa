using System.Globalization;
using System.Text;
using Sandbox.Core.Messages;

namespace Sandbox.Core.Query;

/// <summary>
/// The <c>q=</c> search syntax, in the style of Mailpit: <c>to: from: cc: bcc: subject:</c>
/// (contains), <c>is:read is:unread has:attachment</c>, <c>before: after:</c> (a date or ISO-8601
/// time, UTC), <c>larger: smaller:</c> (bytes, with an optional k or m suffix), quoted phrases,
/// a leading <c>-</c> to negate a term, and free words that the subject or a body must contain.
/// Terms are AND-combined. Unknown <c>name:</c> prefixes are searched as plain words.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<SearchTerm> Terms)
{
    public const int MaxLength = 2_000;

    public bool Matches(StoredMessage message) => Terms.All(t => t.Matches(message));

    public static SearchQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new MessageFilterException($"q is longer than {MaxLength} characters.");
        }

        var terms = new List<SearchTerm>();
        foreach (var token in Tokenize(text))
        {
            terms.Add(ToTerm(token));
        }

        return new SearchQuery(terms);
    }

    private static SearchTerm ToTerm(string token)
    {
        var negated = token.Length > 1 && token[0] == '-';
        var body = negated ? token[1..] : token;
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || body.StartsWith('"'))
        {
            return new SearchTerm(SearchTermKind.Word, Unquote(body), negated);
        }

        var name = body[..colon].ToUpperInvariant();
        var value = Unquote(body[(colon + 1)..]);
        return name switch
        {
            "TO" => Text(SearchTermKind.To),
            "FROM" => Text(SearchTermKind.From),
            "CC" => Text(SearchTermKind.Cc),
            "BCC" => Text(SearchTermKind.Bcc),
            "SUBJECT" => Text(SearchTermKind.Subject),
            "IS" => value.ToUpperInvariant() switch
            {
                "READ" or "SEEN" => new SearchTerm(SearchTermKind.IsRead, value, negated),
                "UNREAD" or "UNSEEN" => new SearchTerm(SearchTermKind.IsUnread, value, negated),
                _ => throw new MessageFilterException($"q: unknown 'is:{MessageFilterException.Quote(value)}'; use is:read or is:unread."),
            },
            "HAS" => value.ToUpperInvariant() is "ATTACHMENT" or "ATTACHMENTS"
                ? new SearchTerm(SearchTermKind.HasAttachment, value, negated)
                : throw new MessageFilterException($"q: unknown 'has:{MessageFilterException.Quote(value)}'; use has:attachment."),
            "BEFORE" => new SearchTerm(SearchTermKind.Before, value, negated, Time: Date(name, value)),
            "AFTER" => new SearchTerm(SearchTermKind.After, value, negated, Time: Date(name, value)),
            "LARGER" => new SearchTerm(SearchTermKind.Larger, value, negated, Number: Size(name, value)),
            "SMALLER" => new SearchTerm(SearchTermKind.Smaller, value, negated, Number: Size(name, value)),
            _ => new SearchTerm(SearchTermKind.Word, Unquote(body), negated),
        };

        SearchTerm Text(SearchTermKind kind) => value.Length == 0
            ? throw new MessageFilterException($"q: '{name.ToLowerInvariant()}:' needs a value.")
            : new SearchTerm(kind, value, negated);
    }

    private static DateTimeOffset Date(string name, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new MessageFilterException($"q: '{name.ToLowerInvariant()}:{MessageFilterException.Quote(value)}' is not a date (use yyyy-MM-dd or ISO-8601).");

    private static long Size(string name, string value)
    {
        var multiplier = 1L;
        var digits = value;
        if (value.Length > 1 && char.ToUpperInvariant(value[^1]) is 'K' or 'M')
        {
            multiplier = char.ToUpperInvariant(value[^1]) == 'K' ? 1024 : 1024 * 1024;
            digits = value[..^1];
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < long.MaxValue / multiplier
            ? n * multiplier
            : throw new MessageFilterException($"q: '{name.ToLowerInvariant()}:{MessageFilterException.Quote(value)}' is not a size (bytes, or a number with k or m).");
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    /// <summary>Splits on white space outside double quotes; an unterminated quote is an error.</summary>
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new MessageFilterException("q has an unterminated quoted phrase.");
        }

        Flush();
        return tokens;

        void Flush()
        {
            var token = current.ToString();
            current.Clear();
            if (token.Length > 0 && token != "-" && token != "\"\"")
            {
                tokens.Add(token);
            }
        }
    }
}
