using Sandbox.Core.Mime;

namespace Sandbox.Core.Messages;

/// <summary>
/// Lets stored messages share equal envelopes: the messages of one SMTP connection mostly
/// repeat MAIL FROM, RCPT TO, the remote end point and the HELO name, and the SMTP adapter
/// builds fresh strings for each message. An envelope that differs still shares its strings
/// (<see cref="SharedValues"/>). One per store, bounded like the other pools.
/// </summary>
internal sealed class EnvelopePool
{
    private const int Capacity = 1024;
    private readonly BoundedPool<MessageEnvelope, MessageEnvelope> _envelopes = new(Capacity, new ValueComparer());

    public MessageEnvelope Share(MessageEnvelope envelope) => _envelopes.Share(envelope, static e => e with
    {
        MailFrom = SharedValues.Text(e.MailFrom)!,
        RcptTo = SharedValues.Strings(e.RcptTo),
        RemoteEndPoint = SharedValues.Text(e.RemoteEndPoint),
        Helo = SharedValues.Text(e.Helo),
        AuthUser = SharedValues.Text(e.AuthUser),
    });

    /// <summary>Equality by value, RCPT TO element by element (the record compares the list by reference).</summary>
    private sealed class ValueComparer : IEqualityComparer<MessageEnvelope>
    {
        public bool Equals(MessageEnvelope? x, MessageEnvelope? y) =>
            ReferenceEquals(x, y)
            || (x is not null && y is not null
                && x.MailFrom == y.MailFrom && x.RemoteEndPoint == y.RemoteEndPoint && x.Helo == y.Helo
                && x.Tls == y.Tls && x.AuthUser == y.AuthUser && x.Source == y.Source
                && x.RcptTo.SequenceEqual(y.RcptTo, StringComparer.Ordinal));

        public int GetHashCode(MessageEnvelope obj)
        {
            var hash = HashCode.Combine(obj.MailFrom, obj.RemoteEndPoint, obj.Helo, obj.Tls, obj.AuthUser, obj.Source, obj.RcptTo.Count);
            return obj.RcptTo.Count > 0 ? HashCode.Combine(hash, obj.RcptTo[0]) : hash;
        }
    }
}
