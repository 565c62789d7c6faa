using System.Globalization;

namespace Sandbox.Core.Query;

/// <summary>
/// Builds a <see cref="MessageFilter"/> from request parameters (query string or a JSON body
/// flattened to pairs). Keys are case-insensitive; keys that are not filters (limit, count,
/// timeout, ...) are ignored. Every bad value throws <see cref="MessageFilterException"/>
/// naming the parameter.
/// </summary>
public static class MessageFilterParser
{
    public const int MaxValues = 100;

    public static MessageFilter Parse(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var filter = MessageFilter.All;
        var to = new List<string>();
        var headers = new List<HeaderCondition>();
        foreach (var (key, raw) in parameters)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var value = raw.Trim();
            switch (key.ToUpperInvariant())
            {
                case "TO":
                    to.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "FROM":
                    filter = filter with { From = value };
                    break;
                case "SUBJECT":
                    filter = filter with { Subject = value };
                    break;
                case "SUBJECTREGEX":
                    filter = filter with { SubjectRegex = SafeRegex.Create(raw, "subjectRegex") };
                    break;
                case "TEXT":
                    filter = filter with { Text = value };
                    break;
                case "HEADER":
                    headers.Add(HeaderCondition.Parse(value));
                    break;
                case "HASATTACHMENT":
                    filter = filter with { HasAttachment = Bool(key, value) };
                    break;
                case "READ":
                    filter = filter with { Read = Bool(key, value) };
                    break;
                case "AFTER":
                    filter = filter with { After = Seq(key, value) };
                    break;
                case "SINCE":
                    filter = filter with { Since = Time(key, value) };
                    break;
                case "Q":
                    filter = filter with { Query = SearchQuery.Parse(value) };
                    break;
                default:
                    break;
            }
        }

        if (to.Count > MaxValues || headers.Count > MaxValues)
        {
            throw new MessageFilterException($"At most {MaxValues} 'to' and {MaxValues} 'header' values are allowed.");
        }

        if (to.Find(t => !t.Contains('@', StringComparison.Ordinal) || t.Any(char.IsWhiteSpace)) is { } bad)
        {
            throw new MessageFilterException($"to must be an exact email address, got '{MessageFilterException.Quote(bad)}'.");
        }

        return filter with { To = to, Headers = headers };
    }

    private static bool Bool(string key, string value) => value.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => throw new MessageFilterException($"{key} must be true or false, got '{MessageFilterException.Quote(value)}'."),
    };

    private static uint Seq(string key, string value) =>
        uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? seq
            : throw new MessageFilterException($"{key} must be a cursor (a non-negative integer), got '{MessageFilterException.Quote(value)}'.");

    private static DateTimeOffset Time(string key, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new MessageFilterException($"{key} must be an ISO-8601 time, got '{MessageFilterException.Quote(value)}'.");
}
