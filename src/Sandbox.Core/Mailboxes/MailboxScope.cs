using Sandbox.Core.Messages;

namespace Sandbox.Core.Mailboxes;

/// <summary>
/// The mailbox model of IMAP and POP3 (architecture.md): a login whose user name is an email
/// address sees, as its INBOX, the captured messages that address received (any envelope RCPT
/// TO, case-insensitive); any other user name sees every captured message. Other folders hold
/// only the messages that login stored there.
/// </summary>
public sealed class MailboxScope
{
    private readonly string? _address;

    public MailboxScope(string user)
    {
        User = user;
        _address = user.Contains('@', StringComparison.Ordinal) ? user.Trim() : null;
    }

    public string User { get; }

    /// <summary>True when this login sees every captured message.</summary>
    public bool SeesAll => _address is null;

    /// <summary>Whether the message belongs in this login's INBOX.</summary>
    public bool InInbox(StoredMessage message) =>
        message.Owner is null
        && message.Folder == MessagePlacement.InboxName
        && (_address is null || message.Envelope.RcptTo.Any(r => string.Equals(r, _address, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether the message is in this login's folder <paramref name="folder"/> (INBOX included).</summary>
    public bool InFolder(StoredMessage message, string folder) =>
        string.Equals(folder, MessagePlacement.InboxName, StringComparison.OrdinalIgnoreCase)
            ? InInbox(message)
            : string.Equals(message.Owner, User, StringComparison.Ordinal) && string.Equals(message.Folder, folder, StringComparison.Ordinal);
}
