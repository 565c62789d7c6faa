namespace Sandbox.Protocols.Imap.Commands;

/// <summary>CAPABILITY (RFC 3501 6.1.1): computed from the command table.</summary>
internal sealed class CapabilityCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        request.Args.End();
        session.Writer.Untagged("CAPABILITY " + session.Capabilities);
        return ValueTask.FromResult(ImapResult.Ok("CAPABILITY completed"));
    }
}
