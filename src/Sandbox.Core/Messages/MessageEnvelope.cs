namespace Sandbox.Core.Messages;

/// <summary>How a message reached the store.</summary>
public enum MessageSource
{
    Smtp,
    Import,
    ImapAppend,
}

/// <summary>
/// The SMTP envelope and session facts of one message (RFC 5321 section 2.3.1): what the
/// client said in MAIL FROM and RCPT TO, which may differ from the header From/To/Cc.
/// </summary>
public sealed record MessageEnvelope
{
    /// <summary>The reverse path; empty for the null sender <c>&lt;&gt;</c>.</summary>
    public required string MailFrom { get; init; }

    public required IReadOnlyList<string> RcptTo { get; init; }

    public string? RemoteEndPoint { get; init; }

    public string? Helo { get; init; }

    public bool Tls { get; init; }

    public string? AuthUser { get; init; }

    public MessageSource Source { get; init; } = MessageSource.Smtp;

    /// <summary>An envelope for a message that did not come over SMTP.</summary>
    public static MessageEnvelope ForImport(MessageSource source, string mailFrom, IReadOnlyList<string> rcptTo) =>
        new() { MailFrom = mailFrom, RcptTo = rcptTo, Source = source };
}
