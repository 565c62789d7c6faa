using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Mailboxes;
using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// COPY (RFC 3501 6.4.7), MOVE (RFC 6851) and their UID forms, with COPYUID (RFC 4315).
/// Each copy is a new message stored through the ingest path (a new UID in the destination);
/// MOVE then deletes the sources, reported as EXPUNGE before the tagged OK.
/// </summary>
internal sealed class CopyCommand(bool move) : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var set = SequenceSet.Parse(args.Atom());
        args.Space();
        var target = UserFolders.Normalize(args.AStringText());
        args.End();
        var view = session.Selected!;
        if (!session.Folders.Exists(target))
        {
            return ValueTask.FromResult(ImapResult.No("No such mailbox", "TRYCREATE"));
        }

        if (target == MessagePlacement.InboxName)
        {
            return ValueTask.FromResult(ImapResult.No("INBOX holds captured mail only", "CANNOT"));
        }

        if (move && view.ReadOnly)
        {
            return ValueTask.FromResult(ImapResult.No("Mailbox is read-only", "READ-ONLY"));
        }

        var sources = view.Resolve(set, request.Uid);
        var pairs = new List<(uint From, uint To)>();
        foreach (var (_, message) in sources)
        {
            var copy = MessageCopier.Copy(session, message, target);
            if (copy is null)
            {
                return ValueTask.FromResult(ImapResult.No("The copy could not be stored", "LIMIT"));
            }

            pairs.Add((message.Seq, copy.Seq));
        }

        if (move)
        {
            session.Store.Delete([.. sources.Select(s => s.Message.Seq)]);
        }

        if (pairs.Count == 0)
        {
            return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed"));
        }

        var code = $"COPYUID {session.Store.UidValidity} {string.Join(',', pairs.Select(p => p.From))} {string.Join(',', pairs.Select(p => p.To))}";
        if (move)
        {
            // RFC 6851 4.3: with UIDPLUS, COPYUID goes in an untagged OK before the expunges.
            session.Writer.Untagged($"OK [{code}] Moved");
            return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed"));
        }

        return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed", code));
    }
}
