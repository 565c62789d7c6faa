using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Sandbox.Server.Api;

/// <summary>
/// The filter parameters of every listing, bound from the query string so that OpenAPI
/// describes them. Values stay strings: <see cref="FilterBinding"/> parses them into the one
/// <see cref="Core.Query.MessageFilter"/> and names the bad one in a 400.
/// </summary>
internal sealed class FilterQuery
{
    [FromQuery(Name = "to")]
    [Description("Exact recipient address (header To/Cc or envelope RCPT TO); repeatable = any of.")]
    public string[]? To { get; init; }

    [FromQuery(Name = "from")]
    [Description("Contained in header From (address or name) or MAIL FROM.")]
    public string? From { get; init; }

    [FromQuery(Name = "subject")]
    [Description("Contained in the subject.")]
    public string? Subject { get; init; }

    [FromQuery(Name = "subjectRegex")]
    [Description("Non-backtracking regular expression on the subject (2 s match timeout).")]
    public string? SubjectRegex { get; init; }

    [FromQuery(Name = "text")]
    [Description("Contained in the text or HTML body.")]
    public string? Text { get; init; }

    [FromQuery(Name = "header")]
    [Description("Name:value, the named header contains the value; repeatable = all of.")]
    public string[]? Header { get; init; }

    [FromQuery(Name = "hasAttachment")]
    [Description("true or false.")]
    public string? HasAttachment { get; init; }

    [FromQuery(Name = "read")]
    [Description("true or false.")]
    public string? Read { get; init; }

    [FromQuery(Name = "after")]
    [Description("Only messages with seq above this cursor.")]
    public string? After { get; init; }

    [FromQuery(Name = "since")]
    [Description("Only messages received at or after this ISO-8601 time.")]
    public string? Since { get; init; }

    [FromQuery(Name = "q")]
    [Description("Search: to: from: cc: bcc: subject: is:read is:unread has:attachment before: after: larger: smaller:, \"phrases\", -negation, free words.")]
    public string? Q { get; init; }

    public IEnumerable<KeyValuePair<string, string?>> Pairs()
    {
        foreach (var to in To ?? [])
        {
            yield return new("to", to);
        }

        foreach (var header in Header ?? [])
        {
            yield return new("header", header);
        }

        yield return new("from", From);
        yield return new("subject", Subject);
        yield return new("subjectRegex", SubjectRegex);
        yield return new("text", Text);
        yield return new("hasAttachment", HasAttachment);
        yield return new("read", Read);
        yield return new("after", After);
        yield return new("since", Since);
        yield return new("q", Q);
    }
}
