namespace Sandbox.Server.Api;

/// <summary>A mailbox as JSON.</summary>
public sealed record AddressDto(string? Name, string Address);

/// <summary>One message in a listing: enough to show and filter, never the body.</summary>
public sealed record MessageSummaryDto(
    string Id,
    uint Seq,
    DateTimeOffset ReceivedAt,
    AddressDto? From,
    IReadOnlyList<AddressDto> To,
    string? Subject,
    int Size,
    bool Read,
    bool HasAttachments,
    string Snippet);

/// <summary>A page of summaries, newest first. Pass <see cref="Next"/> as <c>before</c> for the next page.</summary>
public sealed record MessageListDto(IReadOnlyList<MessageSummaryDto> Items, int Total, uint Cursor, uint? Next);

public sealed record EnvelopeDto(string MailFrom, IReadOnlyList<string> RcptTo, string? RemoteEndPoint, string? Helo, bool Tls, string? AuthUser, string Source);

public sealed record HeaderDto(string Name, string Value);

public sealed record AttachmentDto(string PartId, string? FileName, string ContentType, long Size, string? ContentId, bool Inline, string Sha256);

/// <summary>The full message of api.md.</summary>
public sealed record MessageDto(
    string Id,
    uint Seq,
    DateTimeOffset ReceivedAt,
    EnvelopeDto Envelope,
    AddressDto? From,
    IReadOnlyList<AddressDto> To,
    IReadOnlyList<AddressDto> Cc,
    IReadOnlyList<string> Bcc,
    IReadOnlyList<AddressDto> ReplyTo,
    string? Subject,
    string? MessageId,
    DateTimeOffset? Date,
    IReadOnlyList<HeaderDto> Headers,
    string? Text,
    string? Html,
    string Snippet,
    IReadOnlyList<LinkDto> Links,
    IReadOnlyList<string> Codes,
    IReadOnlyList<AttachmentDto> Attachments,
    int Size,
    bool Read,
    IReadOnlyList<string> Warnings);

/// <summary>PATCH body: the fields to change.</summary>
public sealed record MessagePatchDto(bool? Read);

public sealed record DeletedDto(int Deleted);

public sealed record InfoDto(
    string Version,
    IReadOnlyDictionary<string, int> Ports,
    IReadOnlyList<string> HttpUrls,
    int Messages,
    long Bytes,
    long Evictions,
    uint Cursor,
    uint UidValidity,
    LimitsDto Limits,
    TlsDto Tls,
    int ActiveWaiters = 0);

public sealed record LimitsDto(int MaxMessageSize, int MaxMessages, long MaxBytes, int MaxRecipients, int MaxHeaderFieldBytes, int MaxHeaderBlockBytes, int MaxMimeDepth, int MaxMimeParts);

public sealed record TlsDto(bool Enabled, string? Sha256Fingerprint);
