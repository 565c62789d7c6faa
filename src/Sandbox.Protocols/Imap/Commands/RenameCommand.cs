using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Mailboxes;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// RENAME (RFC 3501 6.3.5) of a folder and its children. A message's folder is fixed in the
/// store, so the messages are stored again under the new name (new UIDs) and the old ones deleted.
/// </summary>
internal sealed class RenameCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var from = UserFolders.Normalize(args.AStringText());
        args.Space();
        var to = UserFolders.Normalize(args.AStringText());
        args.End();
        if (from == MessagePlacement.InboxName || to == MessagePlacement.InboxName)
        {
            return ValueTask.FromResult(ImapResult.No("INBOX cannot be renamed", "CANNOT"));
        }

        var renamed = session.Folders.Rename(from, to);
        if (renamed is null)
        {
            return ValueTask.FromResult(ImapResult.No("Cannot rename: no such mailbox or the new name exists", "CANNOT"));
        }

        foreach (var (old, @new) in renamed)
        {
            var messages = session.Store.OldestFirst().Where(m => session.Scope!.InFolder(m, old)).ToList();
            foreach (var message in messages)
            {
                MessageCopier.Copy(session, message, @new);
            }

            session.Store.Delete([.. messages.Select(m => m.Seq)]);
        }

        return ValueTask.FromResult(ImapResult.Ok("RENAME completed"));
    }
}
