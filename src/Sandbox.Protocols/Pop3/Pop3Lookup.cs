namespace Sandbox.Protocols.Pop3;

/// <summary>What a message number refers to in the session's maildrop.</summary>
internal enum Pop3Lookup
{
    Found,

    /// <summary>Outside 1..count of the snapshot taken at login.</summary>
    NoSuchMessage,

    /// <summary>Marked by DELE in this session (RFC 1939: may not be referred to again).</summary>
    Marked,

    /// <summary>Deleted by someone else (REST, UI, IMAP, another POP3 session) since login.</summary>
    Gone,
}
