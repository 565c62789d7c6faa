namespace Sandbox.Protocols.Imap.Commands;

/// <summary>STARTTLS (RFC 3501 6.2.1): tagged OK, then the handshake; pipelined plaintext is discarded.</summary>
internal sealed class StartTlsCommand : IImapCommand
{
    public async ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        request.Args.End();
        if (!session.CanStartTls)
        {
            return ImapResult.Bad("TLS is already active");
        }

        session.Writer.Tagged(request.Tag, ImapResult.Ok("Begin TLS negotiation now"));
        await session.FlushAsync(cancellationToken);
        await session.StartTlsAsync(cancellationToken);
        return ImapResult.None;
    }
}
