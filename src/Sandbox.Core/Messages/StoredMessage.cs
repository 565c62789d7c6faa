using Sandbox.Core.Mime;

namespace Sandbox.Core.Messages;

/// <summary>
/// One captured message: the exact bytes received, its envelope, a parsed view built once at
/// ingest, and its flags. Everything but the flags is immutable; flags change only through
/// <see cref="Store.MessageStore"/> so that every change is published.
/// </summary>
public sealed class StoredMessage
{
    private readonly uint _uidValidity;
    private int _flags;

    internal StoredMessage(uint seq, uint uidValidity, DateTimeOffset receivedAt, ReadOnlyMemory<byte> raw, MessageEnvelope envelope, MessageView view, MessageFlags flags, MessagePlacement placement)
    {
        Folder = placement.Folder;
        Owner = placement.Owner;
        Seq = seq;
        _uidValidity = uidValidity;
        ReceivedAt = receivedAt;
        Raw = raw;
        Envelope = envelope;
        View = view;
        _flags = (int)flags;
    }

    /// <summary>Monotonic, never reused while the process lives; the IMAP UID and the REST cursor.</summary>
    public uint Seq { get; }

    /// <summary>The public id (<see cref="MessageId"/>), formatted on each access rather than kept.</summary>
    public string Id => MessageId.Format(_uidValidity, Seq);

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The exact bytes received (after SMTP dot-unstuffing), ending in CRLF.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    public int Size => Raw.Length;

    /// <summary>"INBOX" for captured mail; another folder for mail a client stored with IMAP APPEND, COPY or MOVE.</summary>
    public string Folder { get; }

    /// <summary>The login that owns a non-INBOX message; null for captured mail (visible by the mailbox rule).</summary>
    public string? Owner { get; }

    public MessageEnvelope Envelope { get; }

    public MessageView View { get; }

    public MessageFlags Flags => (MessageFlags)Volatile.Read(ref _flags);

    public bool IsRead => (Flags & MessageFlags.Seen) != 0;

    /// <summary>Atomically applies the change; returns the flags before and after.</summary>
    internal (MessageFlags Before, MessageFlags After) UpdateFlags(MessageFlags add, MessageFlags remove)
    {
        while (true)
        {
            var before = Volatile.Read(ref _flags);
            var after = (before | (int)add) & ~(int)remove;
            if (Interlocked.CompareExchange(ref _flags, after, before) == before)
            {
                return ((MessageFlags)before, (MessageFlags)after);
            }
        }
    }
}
