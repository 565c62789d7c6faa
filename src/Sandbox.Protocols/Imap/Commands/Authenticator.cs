namespace Sandbox.Protocols.Imap.Commands;

/// <summary>The end of LOGIN and AUTHENTICATE: the credential check, the failure budget, the capability code.</summary>
internal static class Authenticator
{
    public static ImapResult Complete(ImapSession session, string? user, string? password)
    {
        if (string.IsNullOrEmpty(user) || !session.Credentials.IsValid(user, password))
        {
            session.FailedLogins++;
            if (session.FailedLogins >= session.Options.MaxAuthenticationAttempts)
            {
                session.Writer.Untagged("BYE Too many failed authentication attempts");
                session.Logout();
            }

            return ImapResult.No("Authentication failed", "AUTHENTICATIONFAILED");
        }

        session.LogIn(user);
        return ImapResult.Ok("Logged in", "CAPABILITY " + session.Capabilities);
    }
}
