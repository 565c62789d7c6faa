namespace Sandbox.Protocols.Imap.Commands;

/// <summary>NOOP and CHECK (RFC 3501 6.1.2, 6.4.1): a safe point that reports pending mailbox updates.</summary>
internal sealed class NoopCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        request.Args.End();
        return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed"));
    }
}
