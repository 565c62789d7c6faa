namespace Sandbox.Core.Messages;

/// <summary>Where a message lives: the captured INBOX, or a login's own folder (IMAP APPEND/COPY/MOVE).</summary>
public sealed record MessagePlacement(string Folder, string? Owner)
{
    public const string InboxName = "INBOX";

    public static readonly MessagePlacement Inbox = new(InboxName, null);

    public bool IsInbox => Owner is null && Folder == InboxName;
}
