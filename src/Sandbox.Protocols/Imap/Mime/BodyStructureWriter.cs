using System.Text;
using MimeKit;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// Writes BODY and BODYSTRUCTURE (RFC 3501 section 7.4.2) from a part tree: sizes are the
/// encoded body octets, lines the LFs in the raw body, the type never NIL (the RFC 2045
/// default is text/plain; charset=us-ascii).
/// </summary>
internal static class BodyStructureWriter
{
    public static void Write(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapBodyPart part, bool extensible)
    {
        if (part.IsMultipart)
        {
            w.Raw("("u8);
            foreach (var child in part.Children)
            {
                Write(w, raw, child, extensible);
            }

            w.Space().String(Encoding.UTF8.GetBytes(part.ContentType.MediaSubtype));
            if (extensible)
            {
                w.Space();
                Parameters(w, part.ContentType.Parameters, addCharset: false);
                w.Space();
                Disposition(w, part.Headers);
                w.Space();
                Language(w, part.Headers);
                w.Space();
                Header(w, part.Headers, HeaderId.ContentLocation);
            }

            w.Raw(")"u8);
            return;
        }

        Single(w, raw, part, extensible);
    }

    private static void Single(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapBodyPart part, bool extensible)
    {
        var type = part.ContentType;
        var isMultipartWithoutChildren = type.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase);
        var mediaType = isMultipartWithoutChildren ? "text" : type.MediaType;
        var subtype = isMultipartWithoutChildren ? "plain" : type.MediaSubtype;
        w.Raw("("u8).String(mediaType).Space().String(subtype).Space();
        // A text part without a charset is us-ascii (RFC 2045 5.2); say so, as Dovecot does.
        Parameters(w, type.Parameters, mediaType.Equals("text", StringComparison.OrdinalIgnoreCase) && type.Parameters["charset"] is null);
        w.Space();
        Header(w, part.Headers, HeaderId.ContentId);
        w.Space();
        Header(w, part.Headers, HeaderId.ContentDescription);
        w.Space();
        var encoding = EnvelopeWriter.RawValue(part.Headers, HeaderId.ContentTransferEncoding);
        w.String(encoding is { Length: > 0 } ? encoding : "7bit"u8).Space().Number(part.Size);
        var body = raw[part.BodyStart..part.End];
        if (part.Embedded is { } embedded && mediaType.Equals("message", StringComparison.OrdinalIgnoreCase))
        {
            w.Space();
            EnvelopeWriter.Write(w, embedded.Headers);
            w.Space();
            Write(w, raw, embedded.Body, extensible);
            w.Space().Number(body.Count((byte)'\n'));
        }
        else if (mediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
        {
            w.Space().Number(body.Count((byte)'\n'));
        }

        if (extensible)
        {
            w.Space();
            Header(w, part.Headers, HeaderId.ContentMd5);
            w.Space();
            Disposition(w, part.Headers);
            w.Space();
            Language(w, part.Headers);
            w.Space();
            Header(w, part.Headers, HeaderId.ContentLocation);
        }

        w.Raw(")"u8);
    }

    private static void Parameters(ImapResponseWriter w, ParameterList parameters, bool addCharset)
    {
        if (parameters.Count == 0 && !addCharset)
        {
            w.Nil();
            return;
        }

        w.Raw("("u8);
        if (addCharset)
        {
            w.Raw("\"charset\" \"us-ascii\""u8);
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0 || addCharset)
            {
                w.Space();
            }

            w.String(parameters[i].Name).Space().String(parameters[i].Value ?? "");
        }

        w.Raw(")"u8);
    }

    private static void Disposition(ImapResponseWriter w, HeaderList headers)
    {
        var index = headers.IndexOf(HeaderId.ContentDisposition);
        if (index < 0 || !ContentDisposition.TryParse(ParserOptions.Default, headers[index].RawValue, out var disposition))
        {
            w.Nil();
            return;
        }

        w.Raw("("u8).String(disposition.Disposition).Space();
        Parameters(w, disposition.Parameters, addCharset: false);
        w.Raw(")"u8);
    }

    private static void Language(ImapResponseWriter w, HeaderList headers) => Header(w, headers, HeaderId.ContentLanguage);

    private static void Header(ImapResponseWriter w, HeaderList headers, HeaderId id)
    {
        var value = EnvelopeWriter.RawValue(headers, id);
        w.NString(value, value is null);
    }
}
