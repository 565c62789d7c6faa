using System.Runtime.CompilerServices;
using Sandbox.Core.Messages;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// The part tree and pre-rendered ENVELOPE/BODYSTRUCTURE of each message, computed lazily once
/// and dropped with the message (a ConditionalWeakTable keyed by the stored message).
/// </summary>
internal static class ImapMessageCache
{
    private static readonly ConditionalWeakTable<StoredMessage, Entry> s_entries = [];

    public static ImapMessageNode Structure(StoredMessage message) => Get(message).Node;

    public static ReadOnlyMemory<byte> Envelope(StoredMessage message)
    {
        var entry = Get(message);
        return entry.Envelope ??= Render(w => EnvelopeWriter.Write(w, entry.Node.Headers));
    }

    public static ReadOnlyMemory<byte> BodyStructure(StoredMessage message, bool extensible)
    {
        var entry = Get(message);
        return extensible
            ? entry.BodyStructure ??= Render(w => BodyStructureWriter.Write(w, message.Raw.Span, entry.Node.Body, true))
            : entry.Body ??= Render(w => BodyStructureWriter.Write(w, message.Raw.Span, entry.Node.Body, false));
    }

    private static Entry Get(StoredMessage message) =>
        s_entries.GetValue(message, m => new Entry(ImapStructureBuilder.Build(m.Raw)));

    private static byte[] Render(Action<ImapResponseWriter> write)
    {
        var w = new ImapResponseWriter();
        write(w);
        return w.Written.ToArray();
    }

    private sealed class Entry(ImapMessageNode node)
    {
        public ImapMessageNode Node { get; } = node;

        public byte[]? Envelope { get; set; }

        public byte[]? BodyStructure { get; set; }

        public byte[]? Body { get; set; }
    }
}
