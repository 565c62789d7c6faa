namespace Sandbox.Protocols.Imap.Commands;

/// <summary>ENABLE (RFC 5161): no extension that needs enabling is implemented, so none is enabled.</summary>
internal sealed class EnableCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        while (!args.AtEnd)
        {
            args.Atom();
            args.TryChar((byte)' ');
        }

        session.Writer.Untagged("ENABLED");
        return ValueTask.FromResult(ImapResult.Ok("ENABLE completed"));
    }
}
