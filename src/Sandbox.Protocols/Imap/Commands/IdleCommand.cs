using System.Text;
using Sandbox.Protocols.Transport;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// IDLE (RFC 2177): pending updates are sent at once and then as they happen, until DONE.
/// The line read and the store's change feed are raced; the pending line read is kept.
/// </summary>
internal sealed class IdleCommand : IImapCommand
{
    public async ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        request.Args.End();
        session.Writer.Continuation("idling");
        var view = session.Selected;
        if (view is not null && !view.WriteUpdates(session.Writer))
        {
            return Lost(session);
        }

        await session.FlushAsync(cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var line = session.StartReadLineAsync(cancellationToken);
        while (true)
        {
            Task changes = view is null ? Task.Delay(System.Threading.Timeout.Infinite, stop.Token) : view.Changes.WaitToReadAsync(stop.Token).AsTask();
            var done = await Task.WhenAny(line, changes);
            if (done == line)
            {
                await stop.CancelAsync();
                var result = await line;
                return result.Status switch
                {
                    LineStatus.Line when Encoding.ASCII.GetString(result.Line).Trim().Equals("DONE", StringComparison.OrdinalIgnoreCase) => ImapResult.Ok("IDLE terminated"),
                    LineStatus.Line or LineStatus.TooLong => ImapResult.Bad("Expected DONE"),
                    LineStatus.Timeout => TimedOut(session),
                    _ => Closed(session),
                };
            }

            if (!view!.WriteUpdates(session.Writer) || changes.IsFaulted || changes.IsCanceled)
            {
                await stop.CancelAsync();
                return Lost(session);
            }

            await session.FlushAsync(cancellationToken);
        }
    }

    private static ImapResult Lost(ImapSession session)
    {
        session.Writer.Untagged("BYE The mailbox changed too fast to follow; please reconnect");
        session.Logout();
        return ImapResult.None;
    }

    private static ImapResult TimedOut(ImapSession session)
    {
        session.Writer.Untagged("BYE Idle timeout, closing the connection");
        session.Logout();
        return ImapResult.None;
    }

    private static ImapResult Closed(ImapSession session)
    {
        session.Logout();
        return ImapResult.None;
    }
}
