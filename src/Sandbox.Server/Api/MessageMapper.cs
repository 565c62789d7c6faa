using Sandbox.Core.Messages;
using Sandbox.Core.Mime;
using Sandbox.Core.Query;

namespace Sandbox.Server.Api;

/// <summary>Store model to JSON contracts.</summary>
internal static class MessageMapper
{
    public static MessageSummaryDto ToSummary(StoredMessage m) => new(
        m.Id,
        m.Seq,
        m.ReceivedAt,
        m.View.From.Count > 0 ? Address(m.View.From[0]) : FromEnvelope(m),
        m.View.To.Count > 0 ? m.View.To.Select(Address).ToArray() : m.Envelope.RcptTo.Select(r => new AddressDto(null, r)).ToArray(),
        m.View.Subject,
        m.Size,
        m.IsRead,
        m.View.HasAttachments,
        m.View.Snippet);

    public static MessageDto ToDetail(StoredMessage m)
    {
        var view = m.View;
        var env = m.Envelope;
        return new MessageDto(
            m.Id,
            m.Seq,
            m.ReceivedAt,
            new EnvelopeDto(env.MailFrom, env.RcptTo, env.RemoteEndPoint, env.Helo, env.Tls, env.AuthUser, env.Source.ToString().ToLowerInvariant()),
            view.From.Count > 0 ? Address(view.From[0]) : FromEnvelope(m),
            view.To.Select(Address).ToArray(),
            view.Cc.Select(Address).ToArray(),
            Bcc(m),
            view.ReplyTo.Select(Address).ToArray(),
            view.Subject,
            view.MessageIdHeader,
            view.Date,
            view.Headers.Select(h => new HeaderDto(h.Name, h.Value)).ToArray(),
            view.Text,
            view.Html,
            view.Snippet,
            view.Links.Select(l => new LinkDto(l.Href, l.Text, l.Source)).ToArray(),
            view.Codes,
            view.Attachments.Select(a => new AttachmentDto(a.PartId, a.FileName, a.ContentType, a.Size, a.ContentId, a.Inline, a.Sha256)).ToArray(),
            m.Size,
            m.IsRead,
            view.Warnings);
    }

    /// <summary>Envelope recipients not named in To or Cc: the blind copies.</summary>
    public static string[] Bcc(StoredMessage m) =>
        m.Envelope.RcptTo
            .Where(r => !m.View.To.Any(a => MessageFilter.SameAddress(a.Address, r)) && !m.View.Cc.Any(a => MessageFilter.SameAddress(a.Address, r)))
            .ToArray();

    private static AddressDto Address(MailAddress a) => new(a.Name, a.Address);

    private static AddressDto? FromEnvelope(StoredMessage m) =>
        string.IsNullOrEmpty(m.Envelope.MailFrom) ? null : new AddressDto(null, m.Envelope.MailFrom);
}
