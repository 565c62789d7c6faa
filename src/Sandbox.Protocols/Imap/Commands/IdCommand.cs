namespace Sandbox.Protocols.Imap.Commands;

/// <summary>ID (RFC 2971): the client's parameters are read and ignored; ours name the server.</summary>
internal sealed class IdCommand : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        if (!args.TryChar((byte)'('))
        {
            var nil = args.Atom();
            if (!nil.Equals("NIL", StringComparison.OrdinalIgnoreCase))
            {
                return ValueTask.FromResult(ImapResult.Bad("Expected a parameter list or NIL"));
            }
        }
        else
        {
            var first = true;
            while (!args.TryChar((byte)')'))
            {
                if (!first)
                {
                    args.Space();
                }

                args.String();
                args.Space();
                if (args.Peek is (byte)'"' or (byte)'{')
                {
                    args.String();
                }
                else
                {
                    args.Atom();
                }

                first = false;
            }
        }

        args.End();
        session.Writer.Untagged("ID (\"name\" \"Sandbox\" \"vendor\" \"Sandbox\")");
        return ValueTask.FromResult(ImapResult.Ok("ID completed"));
    }
}
