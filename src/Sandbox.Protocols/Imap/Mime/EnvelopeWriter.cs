using System.Text;
using MimeKit;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// Writes the ENVELOPE of RFC 3501 section 7.4.2 from raw header values: date, subject,
/// from, sender, reply-to, to, cc, bcc, in-reply-to, message-id. Absent is NIL, present but
/// empty is <c>""</c>; sender and reply-to default to from. Plain address lists are written
/// straight from the bytes (<see cref="SimpleAddressList"/>), the rest through MimeKit.
/// </summary>
internal static class EnvelopeWriter
{
    public static void Write(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapHeaders headers)
    {
        w.Raw("("u8);
        Text(w, raw, headers, HeaderId.Date);
        w.Space();
        Text(w, raw, headers, HeaderId.Subject);
        w.Space();
        var fromStart = w.Length;
        if (!TryAddresses(w, raw, headers, HeaderId.From))
        {
            w.Nil();
        }

        var from = fromStart..w.Length;
        w.Space();
        AddressesOr(w, raw, headers, HeaderId.Sender, from);
        w.Space();
        AddressesOr(w, raw, headers, HeaderId.ReplyTo, from);
        foreach (var id in (ReadOnlySpan<HeaderId>)[HeaderId.To, HeaderId.Cc, HeaderId.Bcc])
        {
            w.Space();
            if (!TryAddresses(w, raw, headers, id))
            {
                w.Nil();
            }
        }

        w.Space();
        Text(w, raw, headers, HeaderId.InReplyTo);
        w.Space();
        Text(w, raw, headers, HeaderId.MessageId);
        w.Raw(")"u8);
    }

    private static void Text(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapHeaders headers, HeaderId id)
    {
        var present = HeaderText.TryGet(raw, headers, id, out var value);
        w.NString(value, !present);
    }

    // Sender and Reply-To default to From (its list, or NIL): the bytes already written for it.
    private static void AddressesOr(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapHeaders headers, HeaderId id, Range from)
    {
        if (!TryAddresses(w, raw, headers, id))
        {
            w.Raw(w.Written.Span[from]);
        }
    }

    // Writes the list and returns true when the header is present, not empty and parses to at least one address.
    private static bool TryAddresses(ImapResponseWriter w, ReadOnlySpan<byte> raw, ImapHeaders headers, HeaderId id)
    {
        if (!HeaderText.TryGet(raw, headers, id, out var value) || value.Length == 0)
        {
            return false;
        }

        // Only for scanned headers, so that a tree built by MimeKit is rendered exactly as before (the reference).
        if (headers.IsScanned && SimpleAddressList.TryWrite(w, value))
        {
            return true;
        }

        if (!InternetAddressList.TryParse(ParserOptions.Default, value.ToArray(), out var list) || list.Count == 0)
        {
            return false;
        }

        AddressList(w, [.. list]);
        return true;
    }

    private static void AddressList(ImapResponseWriter w, List<InternetAddress> list)
    {
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
