using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>Evaluates a <see cref="SearchKey"/> against one message of the selected view.</summary>
internal sealed class SearchEvaluator(int count, uint maxUid)
{
    public bool Matches(SearchKey key, int sequence, StoredMessage m) => key.Op switch
    {
        SearchOp.All => true,
        SearchOp.None => false,
        SearchOp.And => key.Children.All(k => Matches(k, sequence, m)),
        SearchOp.Or => key.Children.Any(k => Matches(k, sequence, m)),
        SearchOp.Not => !Matches(key.Children[0], sequence, m),
        SearchOp.Flag => (m.Flags & key.Flag) != 0,
        SearchOp.NoFlag => (m.Flags & key.Flag) == 0,
        SearchOp.SequenceSet => key.Set!.Resolve((uint)count).Any(r => sequence >= r.Low && sequence <= r.High),
        SearchOp.UidSet => key.Set!.Resolve(maxUid).Any(r => m.Seq >= r.Low && m.Seq <= r.High),
        SearchOp.Header => Header(m, key.Field, key.Value),
        SearchOp.Body => Body(m, key.Value),
        SearchOp.Text => Body(m, key.Value) || m.View.AnyHeaderContains(key.Value),
        SearchOp.Since => DateOnly.FromDateTime(m.ReceivedAt.Date) >= key.Date,
        SearchOp.Before => DateOnly.FromDateTime(m.ReceivedAt.Date) < key.Date,
        SearchOp.On => DateOnly.FromDateTime(m.ReceivedAt.Date) == key.Date,
        SearchOp.SentSince => Sent(m) is { } d && d >= key.Date,
        SearchOp.SentBefore => Sent(m) is { } d && d < key.Date,
        SearchOp.SentOn => Sent(m) is { } d && d == key.Date,
        SearchOp.Larger => m.Size > key.Number,
        SearchOp.Smaller => m.Size < key.Number,
        _ => false,
    };

    private static bool Header(StoredMessage m, string field, string value) => m.View.HasHeader(field, value);

    private static bool Body(StoredMessage m, string value) => m.View.BodyContains(value);

    private static DateOnly? Sent(StoredMessage m) => m.View.Date is { } d ? DateOnly.FromDateTime(d.Date) : null;
}
