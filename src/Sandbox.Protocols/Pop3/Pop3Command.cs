namespace Sandbox.Protocols.Pop3;

/// <summary>Every POP3 command name this server knows (RFC 1939, RFC 2449, RFC 2595, RFC 5034).</summary>
internal enum Pop3Command
{
    /// <summary>Anything else, including the obsolete LAST: answered with -ERR.</summary>
    Unknown,
    User,
    Pass,
    Auth,
    Capa,
    Stls,
    Quit,
    Stat,
    List,
    Retr,
    Dele,
    Noop,
    Rset,
    Top,
    Uidl,
}
