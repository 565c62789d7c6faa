namespace Sandbox.Protocols.Imap;

/// <summary>The connection states of RFC 3501 section 3, as flags for the command table.</summary>
[Flags]
internal enum ImapStates
{
    None = 0,
    NotAuthenticated = 1,
    Authenticated = 2,
    Selected = 4,
    Logout = 8,
    Any = NotAuthenticated | Authenticated | Selected,
    LoggedIn = Authenticated | Selected,
}
