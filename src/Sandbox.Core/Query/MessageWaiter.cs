using Sandbox.Core.Messages;
using Sandbox.Core.Store;

namespace Sandbox.Core.Query;

/// <summary>
/// Waits until <c>count</c> messages match a filter. Subscribes to the change feed first, then
/// scans the store, then applies changes committed after the scan: a message committed while
/// the waiter registers is seen either by the scan or by the feed, never lost. A subscription
/// that overflows is replaced and the store scanned again.
/// </summary>
public static class MessageWaiter
{
    /// <summary>
    /// Waits until <paramref name="count"/> messages with seq above <c>filter.After</c> match, or
    /// the token is cancelled (then <see cref="WaitOutcome.Completed"/> is false; nothing throws).
    /// <paramref name="listening"/> runs once the waiter is subscribed and has scanned the store.
    /// </summary>
    public static async Task<WaitOutcome> WaitAsync(MessageStore store, MessageFilter filter, int count, Action? listening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var evicted = 0;
        var found = new SortedDictionary<uint, StoredMessage>();
        while (true)
        {
            using var subscription = store.Subscribe();
            found.Clear();
            var scannedHead = store.HeadSeq;
            foreach (var message in store.OldestFirst(filter.After ?? 0))
            {
                if (message.Seq > scannedHead || found.Count >= count)
                {
                    break;
                }

                if (filter.Matches(message))
                {
                    found[message.Seq] = message;
                }
            }

            listening?.Invoke();
            listening = null;
            try
            {
                while (found.Count < count && await subscription.Reader.WaitToReadAsync(cancellationToken))
                {
                    while (found.Count < count && subscription.Reader.TryRead(out var change))
                    {
                        evicted += Apply(change, filter, scannedHead, found);
                    }
                }

                if (found.Count >= count)
                {
                    var items = found.Values.Take(count).ToArray();
                    return new WaitOutcome(items, true, evicted, items[^1].Seq);
                }
            }
            catch (StoreSubscriptionOverflowException)
            {
                // Fell behind the feed: scan again with a fresh subscription.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Changes already committed count: apply what the feed holds before giving up.
                while (found.Count < count && subscription.Reader.TryRead(out var change))
                {
                    evicted += Apply(change, filter, scannedHead, found);
                }

                var items = found.Values.Take(count).ToArray();
                return found.Count >= count
                    ? new WaitOutcome(items, true, evicted, items[^1].Seq)
                    : new WaitOutcome(items, false, evicted, store.HeadSeq);
            }
        }
    }

    /// <summary>Applies one change to the matches; returns how many matches it evicted.</summary>
    private static int Apply(StoreChange change, MessageFilter filter, uint scannedHead, SortedDictionary<uint, StoredMessage> found)
    {
        switch (change)
        {
            case MessageAdded added when added.Message.Seq > scannedHead && filter.Matches(added.Message):
                found[added.Message.Seq] = added.Message;
                return 0;
            case FlagsChanged flags when filter.Matches(flags.Message):
                found[flags.Message.Seq] = flags.Message;
                return 0;
            case FlagsChanged flags:
                found.Remove(flags.Message.Seq);
                return 0;
            case MessagesEvicted evictedChange:
                return evictedChange.Messages.Count(m => found.Remove(m.Seq));
            case MessagesRemoved removed:
                foreach (var m in removed.Messages)
                {
                    found.Remove(m.Seq);
                }

                return 0;
            case StoreCleared:
                found.Clear();
                return 0;
            default:
                return 0;
        }
    }
}
