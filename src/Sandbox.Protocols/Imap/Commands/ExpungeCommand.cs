using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// EXPUNGE (RFC 3501 6.4.3) and UID EXPUNGE (RFC 4315 2.1): deletes the \Deleted messages from
/// the store; the EXPUNGE responses come from the change feed at the safe point that follows.
/// </summary>
internal sealed class ExpungeCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        var view = session.Selected!;
        IEnumerable<StoredMessage> candidates = view.Messages;
        if (request.Uid)
        {
            args.Space();
            var set = SequenceSet.Parse(args.Atom());
            candidates = view.Resolve(set, byUid: true).Select(p => p.Message);
        }

        args.End();
        if (view.ReadOnly)
        {
            return ValueTask.FromResult(ImapResult.No("Mailbox is read-only", "READ-ONLY"));
        }

        session.Store.Delete([.. candidates.Where(m => (m.Flags & MessageFlags.Deleted) != 0).Select(m => m.Seq)]);
        return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed"));
    }
}
