using Sandbox.Protocols.Imap.Mailboxes;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>CREATE (RFC 3501 6.3.3): a folder of this login, in memory.</summary>
internal sealed class CreateCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var name = UserFolders.Normalize(args.AStringText());
        args.End();
        if (name.Contains('*', StringComparison.Ordinal) || name.Contains('%', StringComparison.Ordinal))
        {
            return ValueTask.FromResult(ImapResult.No("Invalid mailbox name", "CANNOT"));
        }

        return ValueTask.FromResult(session.Folders.Create(name) ? ImapResult.Ok("CREATE completed") : ImapResult.No("Mailbox already exists", "ALREADYEXISTS"));
    }
}
