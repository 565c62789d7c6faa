using Sandbox.Core.Messages;

namespace Sandbox.Core.Query;

/// <summary>
/// The filter every listing applies (AND-combined, case-insensitive). <see cref="To"/> is an
/// exact address match against header To/Cc or any envelope RCPT TO, so <c>a@x.test</c> never
/// matches <c>ba@x.test</c>.
/// </summary>
public sealed record MessageFilter
{
    public static readonly MessageFilter All = new();

    public string? To { get; init; }

    public string? From { get; init; }

    public string? Subject { get; init; }

    public string? Text { get; init; }

    public bool IsEmpty => To is null && From is null && Subject is null && Text is null;

    public bool Matches(StoredMessage message)
    {
        var view = message.View;
        if (To is not null
            && !view.To.Any(a => SameAddress(a.Address, To))
            && !view.Cc.Any(a => SameAddress(a.Address, To))
            && !message.Envelope.RcptTo.Any(r => SameAddress(r, To)))
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

        return Text is null || Contains(view.Text, Text) || Contains(view.Html, Text);
    }

    public static bool SameAddress(string? a, string b) => string.Equals(a?.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? haystack, string needle) =>
        haystack is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);
}
