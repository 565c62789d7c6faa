using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// SEARCH and UID SEARCH (RFC 3501 6.4.4): <c>CHARSET UTF-8</c> or <c>US-ASCII</c>, matching
/// case-insensitively on decoded header values and text bodies. Not a safe point.
/// </summary>
internal sealed class SearchCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var mark = args.Position;
        if (args.Atom().Equals("CHARSET", StringComparison.OrdinalIgnoreCase))
        {
            args.Space();
            var charset = args.AStringText();
            if (!charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("US-ASCII", StringComparison.OrdinalIgnoreCase))
            {
                return ValueTask.FromResult(ImapResult.No("Unsupported charset", "BADCHARSET (UTF-8 US-ASCII)"));
            }

            args.Space();
        }
        else
        {
            args.Position = mark;
        }

        var key = SearchParser.Parse(args);
        var view = session.Selected!;
        var evaluator = new SearchEvaluator(view.Count, view.MaxUid);
        var w = session.Writer;
        w.Raw("* SEARCH"u8);
        for (var i = 0; i < view.Count; i++)
        {
            var message = view.Messages[i];
            if (evaluator.Matches(key, i + 1, message))
            {
                w.Space().Number(request.Uid ? message.Seq : i + 1);
            }
        }

        w.EndLine();
        return ValueTask.FromResult(ImapResult.Ok($"{request.Name} completed"));
    }
}
