namespace Sandbox.Protocols.Imap.Commands;

/// <summary>NAMESPACE (RFC 2342): one personal namespace with "/" as the delimiter.</summary>
internal sealed class NamespaceCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        request.Args.End();
        session.Writer.Untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        return ValueTask.FromResult(ImapResult.Ok("NAMESPACE completed"));
    }
}
