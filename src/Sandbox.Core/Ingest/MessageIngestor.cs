using Sandbox.Core.Messages;
using Sandbox.Core.Mime;
using Sandbox.Core.Store;

namespace Sandbox.Core.Ingest;

/// <summary>
/// The one ingest path of every message (SMTP, REST import, IMAP APPEND): byte-level
/// pre-checks, the parsed view, then the commit. The caller replies only after this returns,
/// so an accepted message is already in the store (store before reply).
/// </summary>
public sealed class MessageIngestor(MessageStore store, IngestLimits limits, long maxMessageSize)
{
    public MessageStore Store => store;

    public IngestLimits Limits => limits;

    public long MaxMessageSize => maxMessageSize;

    /// <summary>Ingests raw bytes the caller owns (they must not change afterwards).</summary>
    public IngestResult Ingest(ReadOnlyMemory<byte> raw, MessageEnvelope envelope, MessageFlags flags = MessageFlags.None, MessagePlacement? placement = null)
    {
        if (raw.Length == 0)
        {
            return new IngestResult(null, IngestRejection.Empty);
        }

        if (raw.Length > maxMessageSize)
        {
            return new IngestResult(null, IngestRejection.TooLarge);
        }

        switch (RawPreChecks.CheckHeaders(raw.Span, limits))
        {
            case PreCheckFailure.HeaderFieldTooLarge:
                return new IngestResult(null, IngestRejection.HeaderFieldTooLarge);
            case PreCheckFailure.HeaderBlockTooLarge:
                return new IngestResult(null, IngestRejection.HeaderBlockTooLarge);
            default:
                break;
        }

        var view = MessageViewBuilder.Build(raw, limits);
        var message = store.Add(raw, envelope, view, flags, placement);
        return message is null ? new IngestResult(null, IngestRejection.TooLarge) : new IngestResult(message, IngestRejection.None);
    }
}
