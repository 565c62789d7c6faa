namespace Sandbox.Core.Mime;

/// <summary>
/// A part that is not the message's text or HTML body. <see cref="PartId"/> uses IMAP part
/// numbering (RFC 3501 section 6.4.5: "1", "2.1", ...), so REST and IMAP name parts alike.
/// </summary>
public sealed record AttachmentInfo(
    string PartId,
    string? FileName,
    string ContentType,
    long Size,
    string? ContentId,
    bool Inline,
    string Sha256);
