using System.Text.RegularExpressions;
using Sandbox.Core.Messages;

namespace Sandbox.Core.Query;

/// <summary>
/// The one filter of every listing, wait, delete and event stream (AND-combined,
/// case-insensitive). <see cref="To"/> is an exact address match against header To/Cc or any
/// envelope RCPT TO, so <c>a@x.test</c> never matches <c>ba@x.test</c>; several values mean
/// "any of". Build one from request parameters with <see cref="MessageFilterParser"/>.
/// </summary>
public sealed record MessageFilter
{
    public static readonly MessageFilter All = new();

    /// <summary>Exact addresses; a message matches when any of them is a recipient.</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>Contained in the header From (address or name) or in MAIL FROM.</summary>
    public string? From { get; init; }

    /// <summary>Contained in the subject.</summary>
    public string? Subject { get; init; }

    /// <summary>A non-backtracking regex with a match timeout (see <see cref="SafeRegex"/>).</summary>
    public Regex? SubjectRegex { get; init; }

    /// <summary>Contained in the text or the HTML body.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<HeaderCondition> Headers { get; init; } = [];

    public bool? HasAttachment { get; init; }

    public bool? Read { get; init; }

    /// <summary>Only messages with a sequence number above this cursor.</summary>
    public uint? After { get; init; }

    /// <summary>Only messages received at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The parsed <c>q=</c> search.</summary>
    public SearchQuery? Query { get; init; }

    /// <summary>True when no condition is set (every message matches).</summary>
    public bool IsEmpty =>
        To.Count == 0 && From is null && Subject is null && SubjectRegex is null && Text is null && Headers.Count == 0
        && HasAttachment is null && Read is null && After is null && Since is null && (Query is null || Query.Terms.Count == 0);

    public bool Matches(StoredMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var view = message.View;
        if (After is { } after && message.Seq <= after)
        {
            return false;
        }

        if (Since is { } since && message.ReceivedAt < since)
        {
            return false;
        }

        if (To.Count > 0 && !To.Any(t => IsRecipient(message, t)))
        {
            return false;
        }

        if (From is not null
            && !view.From.Any(a => Contains(a.Address, From) || Contains(a.Name, From))
            && !Contains(message.Envelope.MailFrom, From))
        {
            return false;
        }

        if (Subject is not null && !Contains(view.Subject, Subject))
        {
            return false;
        }

        if (SubjectRegex is not null && !SafeRegex.IsMatch(SubjectRegex, view.Subject ?? ""))
        {
            return false;
        }

        if (Text is not null && !view.BodyContains(Text))
        {
            return false;
        }

        if (HasAttachment is { } has && view.HasAttachments != has)
        {
            return false;
        }

        if (Read is { } read && message.IsRead != read)
        {
            return false;
        }

        return Headers.All(h => h.Matches(view)) && (Query is null || Query.Matches(message));
    }

    /// <summary>True when the address is in header To/Cc or the envelope RCPT TO (exact, case-insensitive).</summary>
    public static bool IsRecipient(StoredMessage message, string address)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.View.To.Any(a => SameAddress(a.Address, address))
            || message.View.Cc.Any(a => SameAddress(a.Address, address))
            || message.Envelope.RcptTo.Any(r => SameAddress(r, address));
    }

    public static bool SameAddress(string? a, string b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    internal static bool Contains(string? haystack, string needle) =>
        haystack is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);
}
