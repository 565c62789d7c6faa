namespace Sandbox.Protocols.Imap;

internal enum ImapStatus
{
    None,
    Ok,
    No,
    Bad,
}
