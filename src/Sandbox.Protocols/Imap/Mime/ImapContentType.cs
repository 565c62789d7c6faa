using System.Text;
using MimeKit;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// A part's media type and parameters as the bytes BODYSTRUCTURE writes: slices of the raw
/// message when read by <see cref="TryParse"/>, or MimeKit's decoded strings as UTF-8.
/// </summary>
internal sealed class ImapContentType
{
    [ThreadStatic]
    private static List<(Range Name, Range Value)>? t_parameters;

    private ImapContentType(ReadOnlyMemory<byte> mediaType, ReadOnlyMemory<byte> mediaSubtype, ImapParameter[] parameters)
    {
        MediaType = mediaType;
        MediaSubtype = mediaSubtype;
        Parameters = parameters;
    }

    /// <summary>The RFC 2045 5.2 default: text/plain (no parameters; BODYSTRUCTURE adds the us-ascii charset).</summary>
    public static ImapContentType TextPlain { get; } = new("text"u8.ToArray(), "plain"u8.ToArray(), []) { IsText = true };

    public ReadOnlyMemory<byte> MediaType { get; }

    public ReadOnlyMemory<byte> MediaSubtype { get; }

    public ImapParameter[] Parameters { get; }

    public bool IsMultipart { get; private init; }

    public bool IsText { get; private init; }

    public bool IsMessage { get; private init; }

    public bool HasCharset { get; private init; }

    public static ImapContentType From(ContentType type)
    {
        var parameters = new ImapParameter[type.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new(Encoding.UTF8.GetBytes(type.Parameters[i].Name), Encoding.UTF8.GetBytes(type.Parameters[i].Value ?? ""));
        }

        return new(Encoding.UTF8.GetBytes(type.MediaType), Encoding.UTF8.GetBytes(type.MediaSubtype), parameters)
        {
            IsMultipart = type.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase),
            IsText = type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase),
            IsMessage = type.MediaType.Equals("message", StringComparison.OrdinalIgnoreCase),
            HasCharset = type.Parameters["charset"] is not null,
        };
    }

    /// <summary>Reads <c>type/subtype *(; name=value)</c> from a raw Content-Type value; null when outside the strict grammar.</summary>
    public static ImapContentType? TryParse(ReadOnlyMemory<byte> rawValue)
    {
        var reader = new HeaderValueReader(rawValue.Span);
        var list = t_parameters ??= [];
        list.Clear();
        reader.SkipBlanks();
        if (!reader.TryToken(out var type) || !reader.TryChar((byte)'/') || !reader.TryToken(out var subtype) || !reader.TryParameters(list))
        {
            return null;
        }

        var parameters = new ImapParameter[list.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new(rawValue[list[i].Name], rawValue[list[i].Value]);
        }

        var media = rawValue[type];
        return new(media, rawValue[subtype], parameters)
        {
            IsMultipart = Ascii.EqualsIgnoreCase(media.Span, "multipart"u8),
            IsText = Ascii.EqualsIgnoreCase(media.Span, "text"u8),
            IsMessage = Ascii.EqualsIgnoreCase(media.Span, "message"u8),
            HasCharset = Find(parameters, "charset"u8) is not null,
        };
    }

    /// <summary>The value of the parameter (name compared ignoring ASCII case); null when absent.</summary>
    public ReadOnlyMemory<byte>? Find(ReadOnlySpan<byte> name) => Find(Parameters, name);

    public bool SubtypeIs(ReadOnlySpan<byte> subtype) => Ascii.EqualsIgnoreCase(MediaSubtype.Span, subtype);

    private static ReadOnlyMemory<byte>? Find(ImapParameter[] parameters, ReadOnlySpan<byte> name)
    {
        foreach (var parameter in parameters)
        {
            if (Ascii.EqualsIgnoreCase(parameter.Name.Span, name))
            {
                return parameter.Value;
            }
        }

        return null;
    }
}
