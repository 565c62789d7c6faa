using Sandbox.Core.Messages;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>Stores a copy of a message in a login's folder through the one ingest path (COPY, MOVE, RENAME).</summary>
internal static class MessageCopier
{
    public static StoredMessage? Copy(ImapSession session, StoredMessage message, string folder) =>
        session.Ingestor.Ingest(
            message.Raw,
            MessageEnvelope.ForImport(MessageSource.ImapAppend, message.Envelope.MailFrom, message.Envelope.RcptTo),
            message.Flags,
            new MessagePlacement(folder, session.Scope!.User)).Message;
}
