using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Mailboxes;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>STATUS (RFC 3501 6.3.10): MESSAGES, RECENT (always 0), UIDNEXT, UIDVALIDITY, UNSEEN.</summary>
internal sealed class StatusCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var name = UserFolders.Normalize(args.AStringText());
        args.Space();
        var items = args.AtomList();
        args.End();
        if (!session.Folders.Exists(name))
        {
            return ValueTask.FromResult(ImapResult.No("No such mailbox", "NONEXISTENT"));
        }

        var messages = session.Store.OldestFirst().Where(m => session.Scope!.InFolder(m, name)).ToList();
        var w = session.Writer;
        w.Raw("* STATUS "u8).AString(name).Raw(" ("u8);
        var first = true;
        foreach (var item in items.Select(i => i.ToUpperInvariant()))
        {
            long value = item switch
            {
                "MESSAGES" => messages.Count,
                "RECENT" => 0,
                "UIDNEXT" => session.Store.HeadSeq + 1L,
                "UIDVALIDITY" => session.Store.UidValidity,
                "UNSEEN" => messages.Count(m => (m.Flags & MessageFlags.Seen) == 0),
                _ => -1,
            };
            if (value < 0)
            {
                return ValueTask.FromResult(ImapResult.Bad("Unknown STATUS item"));
            }

            if (!first)
            {
                w.Space();
            }

            w.Ascii(item).Space().Number(value);
            first = false;
        }

        w.Raw(")\r\n"u8);
        return ValueTask.FromResult(ImapResult.Ok("STATUS completed"));
    }
}
