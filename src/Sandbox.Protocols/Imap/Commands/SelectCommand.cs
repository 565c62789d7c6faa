using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Mailboxes;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>SELECT and EXAMINE (RFC 3501 6.3.1, 6.3.2): a new per-session view of one folder.</summary>
internal sealed class SelectCommand(bool readOnly) : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var name = UserFolders.Normalize(args.AStringText());
        args.End();
        session.Select(null);
        if (!session.Folders.Exists(name))
        {
            return ValueTask.FromResult(ImapResult.No("No such mailbox", "NONEXISTENT"));
        }

        var view = new SelectedMailboxView(session.Store, session.Scope!, name, readOnly);
        session.Select(view);
        var w = session.Writer;
        w.Untagged($"FLAGS ({ImapFlags.All})");
        w.Untagged(readOnly ? "OK [PERMANENTFLAGS ()] Read-only mailbox" : $"OK [PERMANENTFLAGS ({ImapFlags.All})] Flags permitted");
        w.Raw("* "u8).Number(view.Count).Raw(" EXISTS\r\n* 0 RECENT\r\n"u8);
        var firstUnseen = view.Messages.ToList().FindIndex(m => (m.Flags & MessageFlags.Seen) == 0);
        if (firstUnseen >= 0)
        {
            w.Raw("* OK [UNSEEN "u8).Number(firstUnseen + 1).Raw("] First unseen\r\n"u8);
        }

        w.Raw("* OK [UIDVALIDITY "u8).Number(session.Store.UidValidity).Raw("] UIDs valid\r\n"u8);
        w.Raw("* OK [UIDNEXT "u8).Number(session.Store.HeadSeq + 1L).Raw("] Predicted next UID\r\n"u8);
        return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed", readOnly ? "READ-ONLY" : "READ-WRITE"));
    }
}
