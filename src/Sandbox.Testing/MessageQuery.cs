using System.Globalization;
using System.Text;

namespace Sandbox.Testing;

/// <summary>
/// Which messages a <see cref="SandboxClient"/> call is about: the filters of the REST API
/// (AND-combined, case-insensitive). <see cref="To"/> is an exact address (header To/Cc or
/// envelope RCPT TO, so BCC recipients match); several addresses mean "any of".
/// </summary>
public sealed record MessageQuery
{
    /// <summary>Every message.</summary>
    public static MessageQuery Any { get; } = new();

    public IReadOnlyList<string> To { get; init; } = [];

    public string? From { get; init; }

    public string? Subject { get; init; }

    /// <summary>A regular expression on the subject (non-backtracking engine: no lookarounds or backreferences).</summary>
    public string? SubjectRegex { get; init; }

    public string? Text { get; init; }

    /// <summary><c>Name:value</c> conditions: a header named Name whose value contains value.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    public bool? HasAttachment { get; init; }

    public bool? Read { get; init; }

    public DateTimeOffset? Since { get; init; }

    /// <summary>The search syntax (<c>to: from: subject: is:unread has:attachment "phrase" -word</c>).</summary>
    public string? Search { get; init; }

    /// <summary>Messages to this exact address.</summary>
    public static MessageQuery ForRecipient(string address) => new() { To = [address] };

    /// <summary>The query-string parameters (without a leading <c>?</c>).</summary>
    public string ToQueryString()
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in Parameters())
        {
            sb.Append(sb.Length == 0 ? "" : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        return sb.ToString();
    }

    /// <summary>A readable description, e.g. <c>to=alice@x.test subject~"Reset"</c>.</summary>
    public override string ToString()
    {
        var parts = Parameters().Select(p => $"{p.Key}={p.Value}").ToArray();
        return parts.Length == 0 ? "(any message)" : string.Join(" ", parts);
    }

    internal IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        foreach (var to in To)
        {
            yield return new("to", to);
        }

        foreach (var header in Headers)
        {
            yield return new("header", header);
        }

        var singles = new (string Key, string? Value)[]
        {
            ("from", From),
            ("subject", Subject),
            ("subjectRegex", SubjectRegex),
            ("text", Text),
            ("hasAttachment", HasAttachment?.ToString().ToLowerInvariant()),
            ("read", Read?.ToString().ToLowerInvariant()),
            ("since", Since?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            ("q", Search),
        };
        foreach (var (key, value) in singles)
        {
            if (value is not null)
            {
                yield return new(key, value);
            }
        }
    }
}
