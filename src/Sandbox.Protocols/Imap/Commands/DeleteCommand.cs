using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Mailboxes;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>DELETE (RFC 3501 6.3.4): removes the folder and deletes its messages from the store. INBOX cannot be deleted.</summary>
internal sealed class DeleteCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var name = UserFolders.Normalize(args.AStringText());
        args.End();
        if (name == MessagePlacement.InboxName)
        {
            return ValueTask.FromResult(ImapResult.No("INBOX cannot be deleted", "CANNOT"));
        }

        if (session.Selected?.Folder == name)
        {
            session.Select(null);
        }

        if (!session.Folders.Delete(name))
        {
            return ValueTask.FromResult(ImapResult.No("No such mailbox", "NONEXISTENT"));
        }

        session.Store.Delete([.. session.Store.OldestFirst().Where(m => session.Scope!.InFolder(m, name)).Select(m => m.Seq)]);
        return ValueTask.FromResult(ImapResult.Ok("DELETE completed"));
    }
}
