using System.Globalization;
using Sandbox.Core.Messages;
using Sandbox.Core.Store;

namespace Sandbox.Protocols.Pop3;

/// <summary>
/// The TRANSACTION-state commands of RFC 1939 section 5 (STAT, LIST, RETR, DELE, RSET, TOP,
/// UIDL) and the UPDATE state entered by QUIT (section 6), over one session's maildrop.
/// Each handler returns false when the client is gone.
/// </summary>
internal sealed class Pop3Transaction(Pop3Maildrop maildrop, MessageStore store, Pop3ResponseWriter writer)
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public Pop3Maildrop Maildrop => maildrop;

    /// <summary>STAT: count and octets of the messages not marked as deleted.</summary>
    public ValueTask<bool> StatAsync(Pop3Request request, CancellationToken cancellationToken)
    {
        if (request.Count != 0)
        {
            return writer.ErrAsync("syntax: STAT", cancellationToken);
        }

        var visible = maildrop.Visible().ToList();
        return writer.OkAsync(Format($"{visible.Count} {visible.Sum(v => (long)v.Message.Size)}"), cancellationToken);
    }

    /// <summary>LIST [n]: "n octets", sizes exact with CRLF line ends and before byte-stuffing.</summary>
    public ValueTask<bool> ListAsync(Pop3Request request, CancellationToken cancellationToken) =>
        ScanListingAsync(request, "LIST", m => Format($"{m.Size}"), cancellationToken);

    /// <summary>UIDL [n] (RFC 1939 section 7): the store id, which embeds the start-up UIDVALIDITY.</summary>
    public ValueTask<bool> UidlAsync(Pop3Request request, CancellationToken cancellationToken) =>
        ScanListingAsync(request, "UIDL", m => m.Id, cancellationToken);

    /// <summary>RETR n: the whole message; marks it read (shared \Seen), like IMAP BODY[].</summary>
    public async ValueTask<bool> RetrAsync(Pop3Request request, CancellationToken cancellationToken)
    {
        if (request.Count != 1)
        {
            return await writer.ErrAsync("syntax: RETR msg", cancellationToken);
        }

        if (Lookup(request[0], out var message) is { } error)
        {
            return await writer.ErrAsync(error, cancellationToken);
        }

        // Set before the bytes go out, so a client that has the message also sees it read (as IMAP FETCH BODY[] does).
        store.UpdateFlags(message, MessageFlags.Seen, MessageFlags.None);
        return await writer.ContentAsync(Format($"{message.Size} octets"), message.Raw, cancellationToken);
    }

    /// <summary>TOP n m: header, blank line, first m body lines; never sets \Seen (like BODY.PEEK).</summary>
    public ValueTask<bool> TopAsync(Pop3Request request, CancellationToken cancellationToken)
    {
        if (request.Count != 2)
        {
            return writer.ErrAsync("syntax: TOP msg lines", cancellationToken);
        }

        if (Lookup(request[0], out var message) is { } error)
        {
            return writer.ErrAsync(error, cancellationToken);
        }

        if (!Pop3CommandParser.TryParseNumber(request[1], out var lines))
        {
            return writer.ErrAsync("invalid line count", cancellationToken);
        }

        return writer.ContentAsync("top of message follows", Pop3MessageSlice.Top(message.Raw, lines), cancellationToken);
    }

    /// <summary>DELE n: marks the message in session memory; only QUIT deletes it.</summary>
    public ValueTask<bool> DeleAsync(Pop3Request request, CancellationToken cancellationToken)
    {
        if (request.Count != 1)
        {
            return writer.ErrAsync("syntax: DELE msg", cancellationToken);
        }

        if (Lookup(request[0], out var number, out _) is { } error)
        {
            return writer.ErrAsync(error, cancellationToken);
        }

        maildrop.Mark(number);
        return writer.OkAsync(Format($"message {number} marked for deletion"), cancellationToken);
    }

    /// <summary>RSET: unmarks every message marked in this session.</summary>
    public ValueTask<bool> RsetAsync(Pop3Request request, CancellationToken cancellationToken)
    {
        if (request.Count != 0)
        {
            return writer.ErrAsync("syntax: RSET", cancellationToken);
        }

        maildrop.Reset();
        var visible = maildrop.Visible().ToList();
        return writer.OkAsync(Format($"maildrop has {visible.Count} messages ({visible.Sum(v => (long)v.Message.Size)} octets)"), cancellationToken);
    }

    /// <summary>QUIT from TRANSACTION: the UPDATE state deletes the marked messages from the store.</summary>
    public async ValueTask<int> QuitAsync(CancellationToken cancellationToken)
    {
        var removed = maildrop.Commit();
        await writer.OkAsync(Format($"Sandbox POP3 signing off ({removed.Count} messages deleted)"), cancellationToken);
        return removed.Count;
    }

    private async ValueTask<bool> ScanListingAsync(Pop3Request request, string name, Func<StoredMessage, string> describe, CancellationToken cancellationToken)
    {
        if (request.Count > 1)
        {
            return await writer.ErrAsync($"syntax: {name} [msg]", cancellationToken);
        }

        if (request.Count == 1)
        {
            return Lookup(request[0], out var number, out var message) is { } error
                ? await writer.ErrAsync(error, cancellationToken)
                : await writer.OkAsync(Format($"{number} {describe(message)}"), cancellationToken);
        }

        var visible = maildrop.Visible().ToList();
        var lines = visible.Select(v => Format($"{v.Number} {describe(v.Message)}"));
        return await writer.MultilineAsync(Format($"{visible.Count} messages"), lines, cancellationToken);
    }

    /// <summary>Resolves a message-number argument; returns the -ERR text, or null when found.</summary>
    private string? Lookup(string argument, out StoredMessage message) => Lookup(argument, out _, out message);

    private string? Lookup(string argument, out int number, out StoredMessage message)
    {
        message = null!;
        if (!Pop3CommandParser.TryParseNumber(argument, out number))
        {
            return "invalid message number";
        }

        return maildrop.Find(number, out message) switch
        {
            Pop3Lookup.Found => null,
            Pop3Lookup.Marked => Format($"message {number} already deleted"),
            Pop3Lookup.Gone => Format($"message {number} was deleted by another client"),
            _ => "no such message",
        };
    }

    private static string Format(FormattableString text) => text.ToString(s_invariant);
}
