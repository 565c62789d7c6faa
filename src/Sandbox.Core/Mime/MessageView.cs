namespace Sandbox.Core.Mime;

/// <summary>
/// The parsed view of a message, built once at ingest within the limits of
/// <see cref="Ingest.IngestLimits"/>. When parsing failed, <see cref="ParseFailed"/> is set,
/// the fields are empty and <see cref="Warnings"/> says why; the raw bytes are still served.
/// </summary>
/// <remarks>
/// To keep a stored message small, a view built by <see cref="MessageViewBuilder"/> does not
/// keep its largest parts: <see cref="Headers"/>, <see cref="Text"/>, <see cref="Html"/>,
/// <see cref="Snippet"/>, <see cref="MessageIdHeader"/>, <see cref="Links"/> and
/// <see cref="Codes"/> are computed on each access from the raw bytes (a body is kept as a
/// string only when its decoding from the raw bytes would not give exactly MimeKit's text).
/// Callers that read one of them several times should read it once into a local.
/// </remarks>
public sealed class MessageView
{
    public static readonly MessageView Empty = new();

    private readonly IReadOnlyList<HeaderField>? _headers;
    private readonly BodyText _text;
    private readonly BodyText _html;
    private readonly string? _snippet;
    private readonly string? _messageId;
    private readonly IReadOnlyList<MessageLink>? _links;
    private readonly IReadOnlyList<string>? _codes;

    public string? Subject { get; init; }

    public IReadOnlyList<MailAddress> From { get; init; } = [];

    public IReadOnlyList<MailAddress> To { get; init; } = [];

    public IReadOnlyList<MailAddress> Cc { get; init; } = [];

    /// <summary>The Bcc header, when the client left one in the message (most strip it).</summary>
    public IReadOnlyList<MailAddress> BccHeader { get; init; } = [];

    public IReadOnlyList<MailAddress> ReplyTo { get; init; } = [];

    /// <summary>The Message-Id header's id (read from the raw header block on each access).</summary>
    public string? MessageIdHeader
    {
        get => MessageIdFromRaw ? HeaderBlock.MessageId(Raw) : _messageId;
        init => _messageId = value;
    }

    public DateTimeOffset? Date { get; init; }

    /// <summary>Every header field in order; parsed from the raw header block on each access.</summary>
    public IReadOnlyList<HeaderField> Headers
    {
        get => _headers ?? (HeadersExact ? SimpleHeaders.Fields(Block, HeadersWithContentFields) : Raw.IsEmpty ? [] : HeaderBlock.Parse(Raw, HeadersWithContentFields));
        init => _headers = value;
    }

    /// <summary>The decoded text body; decoded from the raw bytes on each access.</summary>
    public string? Text
    {
        get => _text.Decode(Raw);
        init => _text = BodyText.Kept(value);
    }

    /// <summary>The decoded HTML body; decoded from the raw bytes on each access.</summary>
    public string? Html
    {
        get => _html.Decode(Raw);
        init => _html = BodyText.Kept(value);
    }

    /// <summary>The start of the text body (else of the HTML body's text), white space collapsed.</summary>
    public string Snippet
    {
        get => _snippet ?? _text.Snippet(Raw);
        init => _snippet = value;
    }

    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    public bool HasAttachments { get; init; }

    /// <summary>Links from HTML anchors and text-body URLs (<see cref="LinkExtractor"/>), found on each access.</summary>
    public IReadOnlyList<MessageLink> Links
    {
        get => _links ?? (ExtractOnAccess ? LinkExtractor.Extract(Text, Html) : []);
        init => _links = value;
    }

    /// <summary>One-time codes found by the heuristics of <see cref="CodeExtractor"/>, on each access.</summary>
    public IReadOnlyList<string> Codes
    {
        get => _codes ?? (ExtractOnAccess ? CodeExtractor.Extract(Text, Html) : []);
        init => _codes = value;
    }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool ParseFailed { get; init; }

    /// <summary>The message's raw bytes, when headers and bodies are read from them on demand.</summary>
    internal ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>What <see cref="HeaderBlock.Scan"/> found at ingest (0: nothing known), for header searches.</summary>
    internal int HeaderScan { get; init; }

    /// <summary>
    /// True when <see cref="Links"/> and <see cref="Codes"/> are found in the bodies on access
    /// (they are read only by the per-message endpoints, never by lists or searches).
    /// </summary>
    internal bool ExtractOnAccess { get; init; }

    /// <summary>True when <see cref="MessageIdHeader"/> is read from <see cref="Raw"/> (checked to be the same at ingest).</summary>
    internal bool MessageIdFromRaw { get; init; }

    /// <summary>True when <see cref="SimpleHeaders"/> reads exactly MimeKit's fields from the header block (checked at ingest).</summary>
    internal bool HeadersExact { get; init; }

    /// <summary>True when the body was not parsed: <see cref="Headers"/> then keeps the Content-* fields.</summary>
    internal bool HeadersWithContentFields { get; init; }

    /// <summary>The snippet when it is not computed from the text body (no text body, or one that decodes differently from a prefix).</summary>
    internal string? KeptSnippet
    {
        init => _snippet = value;
    }

    /// <summary>The text body as the builder captured it (kept, or a range of <see cref="Raw"/>).</summary>
    internal BodyText TextBody
    {
        get => _text;
        init => _text = value;
    }

    /// <summary>The HTML body as the builder captured it.</summary>
    internal BodyText HtmlBody
    {
        get => _html;
        init => _html = value;
    }

    /// <summary>
    /// True when some header field named <paramref name="name"/> (ordinal, ignoring case) has a
    /// value that contains <paramref name="value"/> (ordinal, ignoring case; an empty value
    /// means "present"), as a search of <see cref="Headers"/> would say. Messages that cannot
    /// match are ruled out on their raw header block, without parsing it.
    /// </summary>
    public bool HasHeader(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!HeadersMayContain(name) || !HeadersMayContain(value))
        {
            return false;
        }

        if (_headers is null && HeadersExact)
        {
            return SimpleHeaders.HasHeader(Block, HeadersWithContentFields, name, value);
        }

        foreach (var header in Headers)
        {
            if (header.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && header.Value.Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some header field's name or value contains <paramref name="value"/> (ordinal, ignoring case).</summary>
    public bool AnyHeaderContains(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!HeadersMayContain(value))
        {
            return false;
        }

        if (_headers is null && HeadersExact)
        {
            return SimpleHeaders.AnyContains(Block, HeadersWithContentFields, value);
        }

        foreach (var header in Headers)
        {
            if (header.Value.Contains(value, StringComparison.OrdinalIgnoreCase) || header.Name.Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the text or the HTML body contains <paramref name="value"/> (ordinal,
    /// case-insensitive), as <c>Text.Contains(value, OrdinalIgnoreCase)</c> on each would say,
    /// without building either string.
    /// </summary>
    public bool BodyContains(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _text.Contains(Raw, value) || _html.Contains(Raw, value);
    }

    /// <summary>The raw header block (when <see cref="HeaderScan"/> found it simple).</summary>
    private ReadOnlySpan<byte> Block => Raw.Span[..(HeaderScan - 1)];

    private bool HeadersMayContain(string value) => _headers is not null || HeaderBlock.MayContain(Raw.Span, HeaderScan, value);
}
