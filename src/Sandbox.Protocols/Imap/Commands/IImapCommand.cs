namespace Sandbox.Protocols.Imap.Commands;

/// <summary>One IMAP command handler; one class per command (conventions.md).</summary>
internal interface IImapCommand
{
    ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken);
}
