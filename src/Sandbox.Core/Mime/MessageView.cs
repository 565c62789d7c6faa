namespace Sandbox.Core.Mime;

/// <summary>
/// The parsed view of a message, built once at ingest within the limits of
/// <see cref="Ingest.IngestLimits"/>. When parsing failed, <see cref="ParseFailed"/> is set,
/// the fields are empty and <see cref="Warnings"/> says why; the raw bytes are still served.
/// </summary>
public sealed class MessageView
{
    public static readonly MessageView Empty = new();

    public string? Subject { get; init; }

    public IReadOnlyList<MailAddress> From { get; init; } = [];

    public IReadOnlyList<MailAddress> To { get; init; } = [];

    public IReadOnlyList<MailAddress> Cc { get; init; } = [];

    /// <summary>The Bcc header, when the client left one in the message (most strip it).</summary>
    public IReadOnlyList<MailAddress> BccHeader { get; init; } = [];

    public IReadOnlyList<MailAddress> ReplyTo { get; init; } = [];

    public string? MessageIdHeader { get; init; }

    public DateTimeOffset? Date { get; init; }

    public IReadOnlyList<HeaderField> Headers { get; init; } = [];

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string Snippet { get; init; } = "";

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    public bool HasAttachments { get; init; }

    /// <summary>Links from HTML anchors and text-body URLs (<see cref="LinkExtractor"/>).</summary>
    public IReadOnlyList<MessageLink> Links { get; init; } = [];

    /// <summary>One-time codes found by the heuristics of <see cref="CodeExtractor"/>.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool ParseFailed { get; init; }
}
