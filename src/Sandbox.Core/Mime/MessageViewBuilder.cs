using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MimeKit;
using Sandbox.Core.Ingest;

namespace Sandbox.Core.Mime;

/// <summary>
/// Builds the <see cref="MessageView"/> of raw bytes with MimeKit, once, at ingest. Never
/// throws for bad content: a message MimeKit cannot parse gets a view with a warning.
/// </summary>
public static class MessageViewBuilder
{
    private static ParserOptions? s_options;

    /// <summary>
    /// Builds the view of <paramref name="raw"/>, which must not change afterwards: the view
    /// keeps it and reads headers and bodies from it on demand (see <see cref="MessageView"/>).
    /// </summary>
    public static MessageView Build(ReadOnlyMemory<byte> raw, IngestLimits limits)
    {
        var warnings = new List<string>();
        var tooManyParts = RawPreChecks.CountBoundaryLikeLines(raw.Span, limits.MaxMimeParts) > limits.MaxMimeParts;
        try
        {
            var message = Parse(raw, limits, headersOnly: tooManyParts);
            if (tooManyParts)
            {
                warnings.Add($"The message has more than {limits.MaxMimeParts} MIME parts; its body is kept raw and not parsed.");
                return FromHeaders(message, raw, warnings);
            }

            return FromMessage(message, raw, limits, warnings);
        }
        catch (FormatException ex)
        {
            return Failed($"MIME parsing failed: {ex.Message}");
        }
    }

    /// <summary>Parses stored raw bytes again, with the same limits (for parts and bodies on demand).</summary>
    public static MimeMessage Parse(ReadOnlyMemory<byte> raw, IngestLimits limits, bool headersOnly = false)
    {
        var options = OptionsFor(limits.MaxMimeDepth);
        var stream = AsStream(raw);
        var parser = new MimeParser(options, stream, persistent: true);
        if (!headersOnly)
        {
            return parser.ParseMessage();
        }

        // MimeMessage has no public (options, headers) constructor (its params object[] one
        // rejects ParserOptions): start empty and copy the parsed headers in.
        var headers = parser.ParseHeaders();
        var message = new MimeMessage();
        message.Headers.Clear();
        foreach (var header in headers)
        {
            message.Headers.Add(header);
        }

        return message;
    }

    /// <summary>
    /// Parser options for a depth limit, cloned once and reused: MimeKit only reads them while
    /// parsing, and nothing here changes them after they are published.
    /// </summary>
    private static ParserOptions OptionsFor(int maxMimeDepth)
    {
        var cached = Volatile.Read(ref s_options);
        if (cached is not null && cached.MaxMimeDepth == maxMimeDepth)
        {
            return cached;
        }

        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = maxMimeDepth;
        Volatile.Write(ref s_options, options);
        return options;
    }

    private static MessageView FromHeaders(MimeMessage message, ReadOnlyMemory<byte> raw, List<string> warnings)
    {
        var (messageId, messageIdFromRaw) = MessageIdOf(message);
        var scan = HeaderBlock.Scan(raw.Span);
        return new()
        {
            Raw = raw,
            HeaderScan = scan,
            HeadersExact = scan > 0 && SimpleHeaders.Reproduces(raw.Span[..(scan - 1)], message.Headers, withContentFields: true),
            HeadersWithContentFields = true,
            Subject = SharedValues.Text(message.Subject),
            From = Addresses(message.From),
            To = Addresses(message.To),
            Cc = Addresses(message.Cc),
            BccHeader = Addresses(message.Bcc),
            ReplyTo = Addresses(message.ReplyTo),
            MessageIdHeader = messageId,
            MessageIdFromRaw = messageIdFromRaw,
            Date = message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            Warnings = Compact(warnings),
        };
    }

    private static MessageView FromMessage(MimeMessage message, ReadOnlyMemory<byte> raw, IngestLimits limits, List<string> warnings)
    {
        var (textPart, htmlPart, attachments) = Bodies(message, limits, warnings);
        // A plain ASCII text body is neither decoded nor kept: it is read from the raw bytes.
        var text = default(BodyText);
        var asciiText = textPart is not null && BodyText.TryAscii(textPart, raw, out text);
        string? textBody = null;
        if (textPart is not null && !asciiText)
        {
            textBody = textPart.Text;
            text = BodyText.Capture(textPart, textBody, raw);
        }

        var htmlBody = htmlPart?.Text;

        var snippet = asciiText ? null : Snippet(textBody ?? HtmlText.ToPlainText(htmlBody));
        var (messageId, messageIdFromRaw) = MessageIdOf(message);
        var scan = HeaderBlock.Scan(raw.Span);
        return new MessageView
        {
            Raw = raw,
            HeaderScan = scan,
            HeadersExact = scan > 0 && SimpleHeaders.Reproduces(raw.Span[..(scan - 1)], message.Headers, withContentFields: false),
            Subject = SharedValues.Text(message.Subject),
            From = Addresses(message.From),
            To = Addresses(message.To),
            Cc = Addresses(message.Cc),
            BccHeader = Addresses(message.Bcc),
            ReplyTo = Addresses(message.ReplyTo),
            MessageIdHeader = messageId,
            MessageIdFromRaw = messageIdFromRaw,
            Date = message.Headers.Contains(HeaderId.Date) ? message.Date : null,
            TextBody = text,
            HtmlBody = htmlPart is null ? default : BodyText.Capture(htmlPart, htmlBody!, raw),

            // Computed on demand from the text body when that gives the same snippet (it does
            // unless a body decodes differently from a prefix); else, and for HTML-only mail, kept.
            KeptSnippet = asciiText || (textPart is not null && text.Snippet(raw) == snippet) ? null : snippet,
            Attachments = Compact(attachments),
            HasAttachments = attachments.Exists(a => !a.Inline),
            ExtractOnAccess = true,
            Warnings = Compact(warnings),
        };
    }

    /// <summary>The first inline text/plain and text/html parts are the bodies; every other leaf is an attachment.</summary>
    private static (TextPart? Text, TextPart? Html, List<AttachmentInfo> Attachments) Bodies(MimeMessage message, IngestLimits limits, List<string> warnings)
    {
        TextPart? textPart = null;
        TextPart? htmlPart = null;
        var attachments = new List<AttachmentInfo>();
        foreach (var (partId, entity, depth) in MimeTree.Leaves(message))
        {
            if (depth >= limits.MaxMimeDepth - 1 && warnings.Count == 0)
            {
                warnings.Add($"MIME nesting reaches the depth limit of {limits.MaxMimeDepth}; deeper parts are kept raw.");
            }

            if (entity is TextPart text && !text.IsAttachment && text.FileName is null)
            {
                if (text.IsPlain && textPart is null && !text.IsHtml)
                {
                    textPart = text;
                    continue;
                }

                if (text.IsHtml && htmlPart is null)
                {
                    htmlPart = text;
                    continue;
                }
            }

            attachments.Add(Describe(partId, entity));
        }

        return (textPart, htmlPart, attachments);
    }

    private static AttachmentInfo Describe(string partId, MimeEntity entity)
    {
        using var hash = new HashingStream();
        switch (entity)
        {
            case MimePart part when part.Content is not null:
                part.Content.DecodeTo(hash);
                break;
            case MessagePart rfc822 when rfc822.Message is not null:
                rfc822.Message.WriteTo(hash);
                break;
            default:
                break;
        }

        var disposition = entity.ContentDisposition;
        var isInline = disposition is null
            ? entity.ContentId is not null
            : disposition.Disposition.Equals(ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase);
        var fileName = entity is MimePart mp ? mp.FileName : disposition?.FileName ?? entity.ContentType.Name;
        return new AttachmentInfo(partId, fileName, entity.ContentType.MimeType.ToLowerInvariant(), hash.Length, entity.ContentId, isInline, hash.HexDigest());
    }

    /// <summary>
    /// The Message-Id to keep, or none and "read it from the raw bytes" when reading it again
    /// from the header fields gives the same id (it does unless MimeKit's parse and a fresh
    /// header list disagree, which no test input shows).
    /// </summary>
    private static (string? Kept, bool FromRaw) MessageIdOf(MimeMessage message) =>
        message.MessageId switch
        {
            null => (null, false),
            var id when HeaderBlock.MessageId(message.Headers) == id => (null, true),
            var id => (id, false),
        };

    private static MessageView Failed(string warning) => new() { ParseFailed = true, Warnings = [warning] };

    private static IReadOnlyList<MailAddress> Addresses(InternetAddressList list)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var addresses = new List<MailAddress>(list.Count);
        foreach (var m in list.Mailboxes)
        {
            addresses.Add(new MailAddress(string.IsNullOrEmpty(m.Name) ? null : m.Name, m.Address));
        }

        return SharedValues.Addresses(addresses);
    }

    /// <summary>An empty list as the shared empty array, else an exact-size copy.</summary>
    private static IReadOnlyList<T> Compact<T>(IReadOnlyList<T> items) => items.Count == 0 ? [] : [.. items];

    private static string Snippet(string? text) => string.IsNullOrEmpty(text) ? "" : SnippetBuilder.Of(text);

    internal static MemoryStream AsStream(ReadOnlyMemory<byte> raw) =>
        MemoryMarshal.TryGetArray(raw, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(raw.ToArray(), writable: false);

    /// <summary>A write-only stream that counts and hashes what passes through it.</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public string HexDigest() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
