using System.Text;
using MimeKit;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// Writes the ENVELOPE of RFC 3501 section 7.4.2 from raw header values: date, subject,
/// from, sender, reply-to, to, cc, bcc, in-reply-to, message-id. Absent is NIL, present but
/// empty is <c>""</c>; sender and reply-to default to from.
/// </summary>
internal static class EnvelopeWriter
{
    public static void Write(ImapResponseWriter w, HeaderList headers)
    {
        w.Raw("("u8);
        Text(w, headers, HeaderId.Date);
        w.Space();
        Text(w, headers, HeaderId.Subject);
        var from = Addresses(headers, HeaderId.From);
        w.Space();
        AddressList(w, from);
        w.Space();
        AddressList(w, Addresses(headers, HeaderId.Sender) ?? from);
        w.Space();
        AddressList(w, Addresses(headers, HeaderId.ReplyTo) ?? from);
        w.Space();
        AddressList(w, Addresses(headers, HeaderId.To));
        w.Space();
        AddressList(w, Addresses(headers, HeaderId.Cc));
        w.Space();
        AddressList(w, Addresses(headers, HeaderId.Bcc));
        w.Space();
        Text(w, headers, HeaderId.InReplyTo);
        w.Space();
        Text(w, headers, HeaderId.MessageId);
        w.Raw(")"u8);
    }

    /// <summary>The raw value of the first such header, unfolded (CR and LF removed) and trimmed; null when absent.</summary>
    public static byte[]? RawValue(HeaderList headers, HeaderId id)
    {
        var index = headers.IndexOf(id);
        if (index < 0)
        {
            return null;
        }

        // Skip the blanks after the colon, then unfold by removing CR and LF only (as Dovecot does,
        // so a value that starts on a continuation line keeps that line's leading blank).
        var raw = headers[index].RawValue.AsSpan();
        var skip = 0;
        while (skip < raw.Length && raw[skip] is (byte)' ' or (byte)'\t')
        {
            skip++;
        }

        var bytes = raw[skip..].ToArray().Where(b => b is not ((byte)'\r' or (byte)'\n')).ToArray();
        var start = 0;
        var end = bytes.Length;

        while (end > start && bytes[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return bytes[start..end];
    }

    private static void Text(ImapResponseWriter w, HeaderList headers, HeaderId id)
    {
        var value = RawValue(headers, id);
        w.NString(value, value is null);
    }

    private static List<InternetAddress>? Addresses(HeaderList headers, HeaderId id)
    {
        var value = RawValue(headers, id);
        if (value is null || value.Length == 0)
        {
            return null;
        }

        return InternetAddressList.TryParse(ParserOptions.Default, value, out var list) && list.Count > 0 ? [.. list] : null;
    }

    private static void AddressList(ImapResponseWriter w, List<InternetAddress>? list)
    {
        if (list is null)
        {
            w.Nil();
            return;
        }

        w.Raw("("u8);
        foreach (var address in list)
        {
            Address(w, address);
        }

        w.Raw(")"u8);
    }

    private static void Address(ImapResponseWriter w, InternetAddress address)
    {
        if (address is GroupAddress group)
        {
            // RFC 3501 7.4.2: a group is a start marker (NIL NIL name NIL), its members, and an end marker.
            w.Raw("(NIL NIL "u8).String(Encoding.UTF8.GetBytes(group.Name ?? "")).Raw(" NIL)"u8);
            foreach (var member in group.Members)
            {
                Address(w, member);
            }

            w.Raw("(NIL NIL NIL NIL)"u8);
            return;
        }

        var mailbox = (MailboxAddress)address;
        var at = mailbox.Address.LastIndexOf('@');
        var local = at < 0 ? mailbox.Address : mailbox.Address[..at];
        var domain = at < 0 ? null : mailbox.Address[(at + 1)..];
        w.Raw("("u8).NString(string.IsNullOrEmpty(mailbox.Name) ? null : mailbox.Name).Raw(" NIL "u8);
        w.String(Encoding.UTF8.GetBytes(local)).Space().NString(domain).Raw(")"u8);
    }
}
