namespace Sandbox.Protocols.Imap.Commands;

/// <summary>LOGOUT (RFC 3501 6.1.3): BYE, tagged OK, close.</summary>
internal sealed class LogoutCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        request.Args.End();
        session.Writer.Untagged("BYE Logging out");
        session.Logout();
        return ValueTask.FromResult(ImapResult.Ok("LOGOUT completed"));
    }
}
