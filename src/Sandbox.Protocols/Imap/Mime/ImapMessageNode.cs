namespace Sandbox.Protocols.Imap.Mime;

/// <summary>A message (the top level or one inside a message/rfc822 part): its header block and its body part.</summary>
internal sealed class ImapMessageNode
{
    public required int Begin { get; init; }

    public required int BodyStart { get; init; }

    public required int End { get; init; }

    public required ImapHeaders Headers { get; init; }

    public required ImapBodyPart Body { get; init; }
}
