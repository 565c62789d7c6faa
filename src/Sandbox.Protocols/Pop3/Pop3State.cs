namespace Sandbox.Protocols.Pop3;

/// <summary>The session states of RFC 1939 section 3.</summary>
[Flags]
internal enum Pop3State
{
    None = 0,

    /// <summary>Before a successful USER/PASS or AUTH.</summary>
    Authorization = 1,

    /// <summary>Logged in: the maildrop snapshot is open.</summary>
    Transaction = 2,

    /// <summary>Entered only by QUIT from TRANSACTION: marked messages are deleted, then the connection closes.</summary>
    Update = 4,
}
