using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// STORE and UID STORE (RFC 3501 6.4.6): FLAGS, +FLAGS, -FLAGS, each with .SILENT. Flags are
/// the store's, shared by every view (\Seen is "read" in the web inbox). Not a safe point.
/// </summary>
internal sealed class StoreCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var set = SequenceSet.Parse(args.Atom());
        args.Space();
        var item = args.Atom().ToUpperInvariant();
        args.Space();
        var flags = ImapFlags.Parse(args.AtomList());
        args.End();
        var silent = item.EndsWith(".SILENT", StringComparison.Ordinal);
        var mode = silent ? item[..^7] : item;
        if (mode is not ("FLAGS" or "+FLAGS" or "-FLAGS"))
        {
            return ValueTask.FromResult(ImapResult.Bad("Unknown STORE item"));
        }

        var view = session.Selected!;
        if (view.ReadOnly)
        {
            return ValueTask.FromResult(ImapResult.No("Mailbox is read-only", "READ-ONLY"));
        }

        var all = MessageFlags.Seen | MessageFlags.Answered | MessageFlags.Flagged | MessageFlags.Deleted | MessageFlags.Draft;
        var w = session.Writer;
        foreach (var (sequence, message) in view.Resolve(set, request.Uid))
        {
            var (add, remove) = mode switch
            {
                "+FLAGS" => (flags, MessageFlags.None),
                "-FLAGS" => (MessageFlags.None, flags),
                _ => (flags, all & ~flags),
            };
            session.Store.UpdateFlags(message, add, remove);
            var now = message.Flags;
            view.NoteFlags(message, now);
            if (!silent)
            {
                w.Raw("* "u8).Number(sequence).Raw(" FETCH (FLAGS "u8);
                ImapFlags.Write(w, now);
                if (request.Uid)
                {
                    w.Raw(" UID "u8).Number(message.Seq);
                }

                w.Raw(")\r\n"u8);
            }
        }

        return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed"));
    }
}
