namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// One entity of a message with its byte ranges in the raw message: the header block is
/// [<see cref="Begin"/>, <see cref="BodyStart"/>), the body [<see cref="BodyStart"/>, <see cref="End"/>).
/// A message/rfc822 part carries the message inside it in <see cref="Embedded"/>.
/// </summary>
internal sealed class ImapBodyPart
{
    public required int Begin { get; init; }

    public required int BodyStart { get; init; }

    public required int End { get; init; }

    /// <summary>The part's headers (for the root part, the message's headers).</summary>
    public required ImapHeaders Headers { get; init; }

    public required ImapContentType ContentType { get; init; }

    public IReadOnlyList<ImapBodyPart> Children { get; init; } = [];

    public ImapMessageNode? Embedded { get; init; }

    public bool IsMultipart => ContentType.IsMultipart && Children.Count > 0;

    public int Size => End - BodyStart;
}
