using System.Collections.Immutable;
using Sandbox.Core.Messages;
using Sandbox.Core.Mime;

namespace Sandbox.Core.Store;

/// <summary>
/// The one in-memory store of the process. Writes are serialised by one lock and never call
/// out while holding it (subscribers get non-blocking channel writes); reads take no lock.
/// Capacity is bounded by count and bytes, with oldest-first eviction.
/// </summary>
public sealed class MessageStore
{
    private readonly Lock _gate = new();
    private readonly SeqLog _log = new();
    private readonly EnvelopePool _envelopes = new();
    private readonly StoreOptions _options;
    private readonly TimeProvider _time;
    private ImmutableArray<StoreSubscription> _subscribers = [];
    private int _count;
    private int _unread;
    private long _bytes;
    private long _evictions;

    public MessageStore(StoreOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        UidValidity = (uint)Math.Max(1, time.GetUtcNow().ToUnixTimeSeconds());
    }

    /// <summary>
    /// Fixed for the store's lifetime (the start-up epoch second): sequence numbers restart only
    /// with a new process, and then this value changes (RFC 3501 section 2.3.1.1).
    /// </summary>
    public uint UidValidity { get; }

    public int Count => Volatile.Read(ref _count);

    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>Stored messages without <see cref="MessageFlags.Seen"/>, kept exact under the write lock (O(1)).</summary>
    public int Unread => Volatile.Read(ref _unread);

    public long Evictions => Volatile.Read(ref _evictions);

    /// <summary>The cursor: the highest sequence number assigned so far (0 before the first message).</summary>
    public uint HeadSeq => _log.Head;

    public StoreOptions Options => _options;

    /// <summary>
    /// Commits a message and returns it with its sequence number; evicts the oldest messages
    /// first when a cap would be exceeded. Returns null when the message alone exceeds the
    /// byte cap.
    /// </summary>
    public StoredMessage? Add(ReadOnlyMemory<byte> raw, MessageEnvelope envelope, MessageView view, MessageFlags flags = MessageFlags.None, MessagePlacement? placement = null)
    {
        if (raw.Length > _options.MaxBytes)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        envelope = _envelopes.Share(envelope);
        lock (_gate)
        {
            var evicted = EvictFor(raw.Length);
            if (evicted.Count > 0)
            {
                Publish(new MessagesEvicted(_log.Head, evicted));
            }

            var seq = checked(_log.Head + 1);
            var message = new StoredMessage(seq, UidValidity, now, raw, envelope, view, flags, placement ?? MessagePlacement.Inbox);
            _log.Append(message);
            _count++;
            _bytes += raw.Length;
            _unread += message.IsRead ? 0 : 1;
            Publish(new MessageAdded(seq, message));
            return message;
        }
    }

    public StoredMessage? Get(uint seq) => _log.Get(seq);

    public StoredMessage? Get(string? id) => MessageId.TryParse(id, UidValidity, out var seq) ? _log.Get(seq) : null;

    /// <summary>Messages with seq below <paramref name="before"/>, newest first; lock-free.</summary>
    public IEnumerable<StoredMessage> NewestFirst(uint before = uint.MaxValue) => _log.NewestFirst(before);

    /// <summary>Messages with seq above <paramref name="after"/>, oldest first; lock-free.</summary>
    public IEnumerable<StoredMessage> OldestFirst(uint after = 0) => _log.OldestFirst(after);

    /// <summary>Deletes the given messages; returns those that were still present.</summary>
    public IReadOnlyList<StoredMessage> Delete(IEnumerable<uint> seqs)
    {
        lock (_gate)
        {
            var removed = new List<StoredMessage>();
            foreach (var seq in seqs)
            {
                if (_log.Remove(seq) is { } message)
                {
                    _count--;
                    _bytes -= message.Size;
                    _unread -= message.IsRead ? 0 : 1;
                    removed.Add(message);
                }
            }

            if (removed.Count > 0)
            {
                Publish(new MessagesRemoved(_log.Head, removed));
            }

            return removed;
        }
    }

    /// <summary>Deletes every message; returns how many there were.</summary>
    public int Clear()
    {
        lock (_gate)
        {
            var count = _count;
            _log.Clear();
            _count = 0;
            _unread = 0;
            _bytes = 0;
            Publish(new StoreCleared(_log.Head, count));
            return count;
        }
    }

    /// <summary>Adds and removes flags; publishes <see cref="FlagsChanged"/> when they changed.</summary>
    public bool UpdateFlags(StoredMessage message, MessageFlags add, MessageFlags remove)
    {
        lock (_gate)
        {
            var (before, after) = message.UpdateFlags(add, remove);
            if (before == after || _log.Get(message.Seq) is null)
            {
                return before != after;
            }

            var wasRead = (before & MessageFlags.Seen) != 0;
            var isRead = (after & MessageFlags.Seen) != 0;
            _unread += wasRead == isRead ? 0 : isRead ? -1 : 1;

            Publish(new FlagsChanged(_log.Head, message, after));
            return true;
        }
    }

    /// <summary>
    /// Subscribes to changes committed from now on. To read a consistent view, subscribe
    /// first, then read the store, then apply changes whose cursor is above what was read.
    /// </summary>
    public StoreSubscription Subscribe(int capacity = 10_000)
    {
        var subscription = new StoreSubscription(this, capacity);
        lock (_gate)
        {
            _subscribers = _subscribers.Add(subscription);
        }

        return subscription;
    }

    internal void Unsubscribe(StoreSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(subscription);
        }
    }

    private List<StoredMessage> EvictFor(int incoming)
    {
        var evicted = new List<StoredMessage>();
        while (_count > 0 && (_count + 1 > _options.MaxMessages || _bytes + incoming > _options.MaxBytes))
        {
            var oldest = _log.Oldest();
            if (oldest is null || _log.Remove(oldest.Seq) is null)
            {
                break;
            }

            _count--;
            _bytes -= oldest.Size;
            _unread -= oldest.IsRead ? 0 : 1;
            _evictions++;
            evicted.Add(oldest);
        }

        return evicted;
    }

    private void Publish(StoreChange change)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Deliver(change);
        }
    }
}
