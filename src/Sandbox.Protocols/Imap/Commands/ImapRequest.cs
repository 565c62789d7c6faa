using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>A parsed command: its tag, name, the reader positioned after the name, and whether it came as <c>UID name</c>.</summary>
internal sealed record ImapRequest(string Tag, string Name, ImapReader Args, bool Uid);
