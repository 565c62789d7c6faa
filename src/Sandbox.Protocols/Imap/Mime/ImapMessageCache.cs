using System.Runtime.CompilerServices;
using Sandbox.Core.Messages;
using Sandbox.Core.Store;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// The rendered ENVELOPE, BODYSTRUCTURE and BODY of recently fetched messages, one cache per
/// store: a fixed table of <see cref="Slots"/> entries indexed by the message's UID (unique in
/// its store for the life of the process), so memory stays bounded however many messages are
/// stored and a FETCH 1:* over up to that many messages is warm the second time. Only bytes are
/// kept, never a parse tree; a miss is rendered straight into the response and copied.
/// </summary>
internal sealed class ImapMessageCache
{
    /// <summary>The number of entries (a power of two): about 400 bytes each when full for ~2 KB messages.</summary>
    public const int Slots = 16 * 1024;

    private static readonly ConditionalWeakTable<MessageStore, ImapMessageCache> s_caches = [];

    [ThreadStatic]
    private static StoredMessage? t_lastMessage;

    [ThreadStatic]
    private static ImapMessageNode? t_lastNode;

    private readonly Entry?[] _entries = new Entry?[Slots];

    private enum Item
    {
        Envelope,
        BodyStructure,
        Body,
    }

    public static ImapMessageCache For(MessageStore store) => s_caches.GetValue(store, _ => new ImapMessageCache());

    /// <summary>
    /// The part tree, built on demand and not cached; the last one built on this thread is reused
    /// (so the items of one FETCH response line share it), which keeps one message per thread alive.
    /// </summary>
    public static ImapMessageNode Structure(StoredMessage message)
    {
        if (ReferenceEquals(t_lastMessage, message) && t_lastNode is { } node)
        {
            return node;
        }

        node = ImapStructureBuilder.Build(message.Raw);
        t_lastMessage = message;
        t_lastNode = node;
        return node;
    }

    public void WriteEnvelope(ImapResponseWriter w, StoredMessage message) => Write(w, message, Item.Envelope);

    public void WriteBodyStructure(ImapResponseWriter w, StoredMessage message, bool extensible) =>
        Write(w, message, extensible ? Item.BodyStructure : Item.Body);

    private void Write(ImapResponseWriter w, StoredMessage message, Item item)
    {
        ref var slot = ref _entries[message.Seq & (Slots - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry?.Seq != message.Seq)
        {
            entry = null;
        }

        if (entry?[item] is { } cached)
        {
            w.Raw(cached);
            return;
        }

        var start = w.Length;
        var node = Structure(message);
        if (item == Item.Envelope)
        {
            EnvelopeWriter.Write(w, message.Raw.Span, node.Headers);
        }
        else
        {
            BodyStructureWriter.Write(w, message.Raw.Span, node.Body, item == Item.BodyStructure);
        }

        // Entries are immutable; a racing writer may drop another's item, which is then rendered again.
        Volatile.Write(ref slot, Entry.With(entry, message.Seq, item, w.WrittenSince(start).ToArray()));
    }

    private sealed class Entry(uint seq, byte[]? envelope, byte[]? bodyStructure, byte[]? body)
    {
        public uint Seq { get; } = seq;

        public byte[]? this[Item item] => item switch
        {
            Item.Envelope => envelope,
            Item.BodyStructure => bodyStructure,
            _ => body,
        };

        public static Entry With(Entry? entry, uint seq, Item item, byte[] bytes) => new(
            seq,
            item == Item.Envelope ? bytes : entry?[Item.Envelope],
            item == Item.BodyStructure ? bytes : entry?[Item.BodyStructure],
            item == Item.Body ? bytes : entry?[Item.Body]);
    }
}
