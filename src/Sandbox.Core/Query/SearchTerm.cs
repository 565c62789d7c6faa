using Sandbox.Core.Messages;

namespace Sandbox.Core.Query;

/// <summary>One term of a <c>q=</c> search; <see cref="Negated"/> for a leading <c>-</c>.</summary>
public sealed record SearchTerm(SearchTermKind Kind, string Value, bool Negated = false, long Number = 0, DateTimeOffset Time = default)
{
    public bool Matches(StoredMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Test(message) != Negated;
    }

    private bool Test(StoredMessage m)
    {
        var view = m.View;
        return Kind switch
        {
            SearchTermKind.Word => MessageFilter.Contains(view.Subject, Value) || view.BodyContains(Value),
            SearchTermKind.To => view.To.Any(a => MessageFilter.Contains(a.Address, Value) || MessageFilter.Contains(a.Name, Value))
                || m.Envelope.RcptTo.Any(r => MessageFilter.Contains(r, Value)),
            SearchTermKind.From => view.From.Any(a => MessageFilter.Contains(a.Address, Value) || MessageFilter.Contains(a.Name, Value))
                || MessageFilter.Contains(m.Envelope.MailFrom, Value),
            SearchTermKind.Cc => view.Cc.Any(a => MessageFilter.Contains(a.Address, Value) || MessageFilter.Contains(a.Name, Value)),
            SearchTermKind.Bcc => view.BccHeader.Any(a => MessageFilter.Contains(a.Address, Value))
                || m.Envelope.RcptTo.Any(r => MessageFilter.Contains(r, Value)
                    && !view.To.Any(a => MessageFilter.SameAddress(a.Address, r))
                    && !view.Cc.Any(a => MessageFilter.SameAddress(a.Address, r))),
            SearchTermKind.Subject => MessageFilter.Contains(view.Subject, Value),
            SearchTermKind.IsRead => m.IsRead,
            SearchTermKind.IsUnread => !m.IsRead,
            SearchTermKind.HasAttachment => view.HasAttachments,
            SearchTermKind.Before => m.ReceivedAt < Time,
            SearchTermKind.After => m.ReceivedAt >= Time,
            SearchTermKind.Larger => m.Size > Number,
            SearchTermKind.Smaller => m.Size < Number,
            _ => false,
        };
    }
}
