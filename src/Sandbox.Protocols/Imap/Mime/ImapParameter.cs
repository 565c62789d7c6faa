namespace Sandbox.Protocols.Imap.Mime;

/// <summary>One Content-Type or Content-Disposition parameter as BODYSTRUCTURE writes it (UTF-8, unquoted).</summary>
internal readonly record struct ImapParameter(ReadOnlyMemory<byte> Name, ReadOnlyMemory<byte> Value);
