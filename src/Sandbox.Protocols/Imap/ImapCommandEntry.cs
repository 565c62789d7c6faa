using Sandbox.Protocols.Imap.Commands;

namespace Sandbox.Protocols.Imap;

/// <summary>
/// One line of the command table: the name, the states it is allowed in, whether pending
/// mailbox updates may be sent before its tagged reply (a safe point), the capabilities it
/// implements, and its handler.
/// </summary>
internal sealed record ImapCommandEntry(string Name, ImapStates States, bool SafePoint, IImapCommand Handler, string[] Capabilities);
