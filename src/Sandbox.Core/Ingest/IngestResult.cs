using Sandbox.Core.Messages;

namespace Sandbox.Core.Ingest;

/// <summary>Why a message was not stored; each maps to one protocol reply.</summary>
public enum IngestRejection
{
    None,
    HeaderFieldTooLarge,
    HeaderBlockTooLarge,
    TooLarge,
    Empty,
}

/// <summary>The outcome of <see cref="MessageIngestor.Ingest"/>: a stored message or a rejection.</summary>
public readonly record struct IngestResult(StoredMessage? Message, IngestRejection Rejection)
{
    public bool Accepted => Message is not null;

    public string Describe() => Rejection switch
    {
        IngestRejection.HeaderFieldTooLarge => "a header field exceeds the size limit",
        IngestRejection.HeaderBlockTooLarge => "the header block exceeds the size limit",
        IngestRejection.TooLarge => "the message exceeds the size limit",
        IngestRejection.Empty => "the message is empty",
        _ => "accepted",
    };
}
