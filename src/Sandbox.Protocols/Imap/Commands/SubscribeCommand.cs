using Sandbox.Protocols.Imap.Mailboxes;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>SUBSCRIBE and UNSUBSCRIBE (RFC 3501 6.3.6, 6.3.7).</summary>
internal sealed class SubscribeCommand(bool subscribe) : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var name = UserFolders.Normalize(args.AStringText());
        args.End();
        if (subscribe && !session.Folders.Exists(name))
        {
            return ValueTask.FromResult(ImapResult.No("No such mailbox", "NONEXISTENT"));
        }

        session.Folders.Subscribe(name, subscribe);
        return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed"));
    }
}
