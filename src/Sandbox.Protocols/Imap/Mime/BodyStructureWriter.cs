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
    [ThreadStatic]
    private static List<(Range Name, Range Value)>? t_parameters;

    public static void Write(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapBodyPart part, bool extensible)
    {
        if (part.IsMultipart)
        {
            w.Raw("("u8);
            foreach (var child in part.Children)
            {
                Write(w, raw, child, extensible);
            }

            w.Space().String(part.ContentType.MediaSubtype.Span);
            if (extensible)
            {
                w.Space();
                Parameters(w, part.ContentType.Parameters, addCharset: false);
                w.Space();
                Disposition(w, raw, part.Headers);
                w.Space();
                Header(w, raw, part.Headers, HeaderId.ContentLanguage);
                w.Space();
                Header(w, raw, part.Headers, HeaderId.ContentLocation);
            }

            w.Raw(")"u8);
            return;
        }

        Single(w, raw, part, extensible);
    }

    private static void Single(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapBodyPart part, bool extensible)
    {
        // A multipart without parts goes out as text/plain.
        var type = part.ContentType;
        var isText = type.IsMultipart || type.IsText;
        w.Raw("("u8).String(type.IsMultipart ? "text"u8 : type.MediaType.Span).Space();
        w.String(type.IsMultipart ? "plain"u8 : type.MediaSubtype.Span).Space();
        // A text part without a charset is us-ascii (RFC 2045 5.2); say so, as Dovecot does.
        Parameters(w, type.Parameters, isText && !type.HasCharset);
        w.Space();
        Header(w, raw, part.Headers, HeaderId.ContentId);
        w.Space();
        Header(w, raw, part.Headers, HeaderId.ContentDescription);
        w.Space();
        var hasEncoding = HeaderText.TryGet(raw, part.Headers, HeaderId.ContentTransferEncoding, out var encoding);
        w.String(hasEncoding && encoding.Length > 0 ? encoding : "7bit"u8).Space().Number(part.Size);
        var body = raw[part.BodyStart..part.End];
        if (part.Embedded is { } embedded && !type.IsMultipart && type.IsMessage)
        {
            w.Space();
            EnvelopeWriter.Write(w, raw, embedded.Headers);
            w.Space();
            Write(w, raw, embedded.Body, extensible);
            w.Space().Number(body.Count((byte)'\n'));
        }
        else if (isText)
        {
            w.Space().Number(body.Count((byte)'\n'));
        }

        if (extensible)
        {
            w.Space();
            Header(w, raw, part.Headers, HeaderId.ContentMd5);
            w.Space();
            Disposition(w, raw, part.Headers);
            w.Space();
            Header(w, raw, part.Headers, HeaderId.ContentLanguage);
            w.Space();
            Header(w, raw, part.Headers, HeaderId.ContentLocation);
        }

        w.Raw(")"u8);
    }

    private static void Parameters(ImapResponseWriter w, ImapParameter[] parameters, bool addCharset)
    {
        if (parameters.Length == 0 && !addCharset)
        {
            w.Nil();
            return;
        }

        w.Raw("("u8);
        if (addCharset)
        {
            w.Raw("\"charset\" \"us-ascii\""u8);
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (i > 0 || addCharset)
            {
                w.Space();
            }

            w.String(parameters[i].Name.Span).Space().String(parameters[i].Value.Span);
        }

        w.Raw(")"u8);
    }

    private static void Disposition(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapHeaders headers)
    {
        if (!headers.TryGet(raw, HeaderId.ContentDisposition, out var value))
        {
            w.Nil();
        }
        else if (!headers.IsScanned || !TrySimpleDisposition(w, value))
        {
            MimeKitDisposition(w, value);
        }
    }

    // "token *(; name=value)" in the strict grammar, written without MimeKit.
    private static bool TrySimpleDisposition(ImapResponseWriter w, ReadOnlySpan<byte> value)
    {
        var reader = new HeaderValueReader(value);
        var parameters = t_parameters ??= [];
        parameters.Clear();
        reader.SkipBlanks();
        if (!reader.TryToken(out var disposition) || !reader.TryParameters(parameters))
        {
            return false;
        }

        w.Raw("("u8).String(value[disposition]).Space();
        if (parameters.Count == 0)
        {
            w.Nil();
        }
        else
        {
            w.Raw("("u8);
            for (var i = 0; i < parameters.Count; i++)
            {
                (i > 0 ? w.Space() : w).String(value[parameters[i].Name]).Space().String(value[parameters[i].Value]);
            }

            w.Raw(")"u8);
        }

        w.Raw(")"u8);
        return true;
    }

    private static void MimeKitDisposition(ImapResponseWriter w, ReadOnlySpan<byte> value)
    {
        if (!ContentDisposition.TryParse(ParserOptions.Default, value.ToArray(), out var disposition))
        {
            w.Nil();
            return;
        }

        var parameters = disposition.Parameters.Select(p => new ImapParameter(Encoding.UTF8.GetBytes(p.Name), Encoding.UTF8.GetBytes(p.Value ?? ""))).ToArray();
        w.Raw("("u8).String(disposition.Disposition).Space();
        Parameters(w, parameters, addCharset: false);
        w.Raw(")"u8);
    }

    private static void Header(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapHeaders headers, HeaderId id)
    {
        var present = HeaderText.TryGet(raw, headers, id, out var value);
        w.NString(value, !present);
    }
}
