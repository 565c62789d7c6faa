namespace Sandbox.Protocols.Imap.Commands;

/// <summary>LOGIN (RFC 3501 6.2.3): user and password as atoms, quoted strings or literals.</summary>
internal sealed class LoginCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var user = args.AStringText();
        args.Space();
        var password = args.AStringText();
        args.End();
        return ValueTask.FromResult(Authenticator.Complete(session, user, password));
    }
}
