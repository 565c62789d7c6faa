using System.Globalization;
using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Mime;
using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// FETCH and UID FETCH (RFC 3501 6.4.5, 6.4.8). UID is in every response of UID FETCH; body
/// fetches without PEEK set \Seen (not in EXAMINE) and report the new FLAGS. Not a safe point.
/// </summary>
internal sealed class FetchCommand : IImapCommand
{
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public async ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var set = SequenceSet.Parse(args.Atom());
        args.Space();
        var items = FetchItemParser.Parse(args);
        if (args.TryChar((byte)' '))
        {
            return ImapResult.Bad("FETCH modifiers are not supported");
        }

        args.End();
        var view = session.Selected!;
        if (request.Uid && !items.Any(i => i.Kind == FetchItemKind.Uid))
        {
            items.Insert(0, new FetchItem(FetchItemKind.Uid));
        }

        var cache = ImapMessageCache.For(session.Store);
        var setsSeen = !view.ReadOnly && items.Any(i => i.Kind is FetchItemKind.Rfc822 or FetchItemKind.Rfc822Text || (i.Kind == FetchItemKind.Section && !i.Peek));
        foreach (var (sequence, message) in view.Resolve(set, request.Uid))
        {
            var addFlags = false;
            if (setsSeen && (message.Flags & MessageFlags.Seen) == 0)
            {
                session.Store.UpdateFlags(message, MessageFlags.Seen, MessageFlags.None);
                view.NoteFlags(message, message.Flags);
                addFlags = !items.Any(i => i.Kind == FetchItemKind.Flags);
            }

            Write(session.Writer, cache, sequence, message, items, addFlags);
            if (!await session.MaybeFlushAsync(cancellationToken))
            {
                return ImapResult.None;
            }
        }

        return ImapResult.Ok($"{request.Name} completed");
    }

    /// <summary>One untagged FETCH response line (internal for the micro-benchmarks).</summary>
    internal static void Write(ImapResponseWriter w, ImapMessageCache cache, int sequence, StoredMessage message, List<FetchItem> items, bool addFlags)
    {
        w.Raw("* "u8).Number(sequence).Raw(" FETCH ("u8);
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                w.Space();
            }

            first = false;
            WriteItem(w, cache, message, item);
        }

        if (addFlags)
        {
            w.Raw(" FLAGS "u8);
            ImapFlags.Write(w, message.Flags);
        }

        w.Raw(")\r\n"u8);
    }

    private static void WriteItem(ImapResponseWriter w, ImapMessageCache cache, StoredMessage message, FetchItem item)
    {
        switch (item.Kind)
        {
            case FetchItemKind.Uid:
                w.Raw("UID "u8).Number(message.Seq);
                break;
            case FetchItemKind.Flags:
                w.Raw("FLAGS "u8);
                ImapFlags.Write(w, message.Flags);
                break;
            case FetchItemKind.InternalDate:
                w.Raw("INTERNALDATE \""u8).Ascii(InternalDate(message.ReceivedAt)).Raw("\""u8);
                break;
            case FetchItemKind.Rfc822Size:
                w.Raw("RFC822.SIZE "u8).Number(message.Size);
                break;
            case FetchItemKind.Envelope:
                cache.WriteEnvelope(w.Raw("ENVELOPE "u8), message);
                break;
            case FetchItemKind.BodyStructure:
                cache.WriteBodyStructure(w.Raw("BODYSTRUCTURE "u8), message, extensible: true);
                break;
            case FetchItemKind.Body:
                cache.WriteBodyStructure(w.Raw("BODY "u8), message, extensible: false);
                break;
            case FetchItemKind.Rfc822:
                w.Raw("RFC822 "u8).Literal(message.Raw.Span);
                break;
            case FetchItemKind.Rfc822Header or FetchItemKind.Rfc822Text:
                var root = ImapMessageCache.Structure(message);
                var header = item.Kind == FetchItemKind.Rfc822Header;
                w.Ascii(header ? "RFC822.HEADER " : "RFC822.TEXT ").Literal(header ? message.Raw.Span[..root.BodyStart] : message.Raw.Span[root.BodyStart..]);
                break;
            default:
                var data = SectionExtractor.Extract(message.Raw, ImapMessageCache.Structure(message), item);
                w.Raw("BODY["u8).Ascii(item.SectionName).Raw("]"u8);
                if (item.PartialOrigin is { } origin)
                {
                    w.Raw("<"u8).Number(origin).Raw(">"u8);
                }

                w.Space().Literal(SectionExtractor.Partial(data, item).Span);
                break;
        }
    }

    private static string InternalDate(DateTimeOffset time)
    {
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{time.Day:00}-{s_months[time.Month - 1]}-{time.Year:0000} {time.Hour:00}:{time.Minute:00}:{time.Second:00} {sign}{abs.Hours:00}{abs.Minutes:00}");
    }
}
