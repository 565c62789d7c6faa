using Sandbox.Core.Messages;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// CLOSE (RFC 3501 6.4.2: silently expunges \Deleted messages when read-write) and UNSELECT
/// (RFC 3691: no expunge). Both return to the authenticated state.
/// </summary>
internal sealed class CloseCommand(bool expunge) : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        request.Args.End();
        var view = session.Selected!;
        if (expunge && !view.ReadOnly)
        {
            session.Store.Delete([.. view.Messages.Where(m => (m.Flags & MessageFlags.Deleted) != 0).Select(m => m.Seq)]);
        }

        session.Select(null);
        return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed"));
    }
}
