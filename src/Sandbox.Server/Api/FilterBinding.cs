using System.Globalization;
using Sandbox.Core.Query;

namespace Sandbox.Server.Api;

/// <summary>Query strings and JSON bodies to the one <see cref="MessageFilter"/> of Sandbox.Core.</summary>
internal static class FilterBinding
{
    /// <summary>Throws <see cref="MessageFilterException"/> naming the bad parameter.</summary>
    public static MessageFilter FromQuery(FilterQuery query) => MessageFilterParser.Parse(query.Pairs());

    public static MessageFilter FromBody(FilterRequestDto body)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        pairs.AddRange((body.To ?? []).Select(t => Pair("to", t)));
        pairs.AddRange((body.Headers ?? []).Select(h => Pair("header", h)));
        pairs.Add(Pair("from", body.From));
        pairs.Add(Pair("subject", body.Subject));
        pairs.Add(Pair("subjectRegex", body.SubjectRegex));
        pairs.Add(Pair("text", body.Text));
        pairs.Add(Pair("hasAttachment", body.HasAttachment?.ToString()));
        pairs.Add(Pair("read", body.Read?.ToString()));
        pairs.Add(Pair("after", body.After?.ToString(CultureInfo.InvariantCulture)));
        pairs.Add(Pair("since", body.Since?.ToString("O", CultureInfo.InvariantCulture)));
        pairs.Add(Pair("q", body.Q));
        return MessageFilterParser.Parse(pairs);
    }

    private static KeyValuePair<string, string?> Pair(string key, string? value) => new(key, value);
}
