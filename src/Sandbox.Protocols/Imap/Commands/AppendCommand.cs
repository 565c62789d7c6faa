using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Mailboxes;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// APPEND (RFC 3501 6.3.11) with APPENDUID (RFC 4315): the message goes through the ingest
/// path into this login's folder. The date-time argument is accepted but the internal date is
/// the time of the APPEND. INBOX holds captured mail only.
/// </summary>
internal sealed class AppendCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var target = UserFolders.Normalize(args.AStringText());
        args.Space();
        var flags = MessageFlags.None;
        if (args.Peek == (byte)'(')
        {
            flags = ImapFlags.Parse(args.AtomList());
            args.Space();
        }

        if (args.Peek == (byte)'"')
        {
            args.String();
            args.Space();
        }

        var raw = args.String();
        args.End();
        if (!session.Folders.Exists(target))
        {
            return ValueTask.FromResult(ImapResult.No("No such mailbox", "TRYCREATE"));
        }

        if (target == MessagePlacement.InboxName)
        {
            return ValueTask.FromResult(ImapResult.No("INBOX holds captured mail only", "CANNOT"));
        }

        var envelope = MessageEnvelope.ForImport(MessageSource.ImapAppend, "", []);
        var result = session.Ingestor.Ingest(raw, envelope, flags, new MessagePlacement(target, session.Scope!.User));
        if (!result.Accepted)
        {
            return ValueTask.FromResult(ImapResult.No("Message rejected: " + result.Describe(), "LIMIT"));
        }

        return ValueTask.FromResult(ImapResult.Ok("APPEND completed", $"APPENDUID {session.Store.UidValidity} {result.Message!.Seq}"));
    }
}
