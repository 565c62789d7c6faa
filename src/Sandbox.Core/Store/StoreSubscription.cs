using System.Threading.Channels;

namespace Sandbox.Core.Store;

/// <summary>
/// A subscriber's own bounded channel of <see cref="StoreChange"/>s. The store never waits
/// for a subscriber: when the channel is full, the subscription is marked overflowed and
/// completed, and the subscriber must resynchronise from the store (a slow reader never
/// slows SMTP).
/// </summary>
public sealed class StoreSubscription : IDisposable
{
    private readonly Channel<StoreChange> _channel;
    private readonly MessageStore _store;
    private int _overflowed;

    internal StoreSubscription(MessageStore store, int capacity)
    {
        _store = store;
        _channel = Channel.CreateBounded<StoreChange>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<StoreChange> Reader => _channel.Reader;

    /// <summary>True once a change could not be delivered; the reader then sees the channel completed.</summary>
    public bool Overflowed => Volatile.Read(ref _overflowed) != 0;

    /// <summary>Called by the store, under its write lock, so changes are delivered in commit order.</summary>
    internal void Deliver(StoreChange change)
    {
        if (!_channel.Writer.TryWrite(change) && Interlocked.Exchange(ref _overflowed, 1) == 0)
        {
            _channel.Writer.TryComplete(new StoreSubscriptionOverflowException());
        }
    }

    public void Dispose()
    {
        _store.Unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
