using MimeKit;

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
    public required HeaderList Headers { get; init; }

    public required ContentType ContentType { get; init; }

    public IReadOnlyList<ImapBodyPart> Children { get; init; } = [];

    public ImapMessageNode? Embedded { get; init; }

    public bool IsMultipart => ContentType.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase) && Children.Count > 0;

    public int Size => End - BodyStart;
}
