using System.Text;
using Microsoft.Extensions.Time.Testing;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Mime;
using Sandbox.Core.Store;

namespace Sandbox.Core.Tests.Store;

public class MessageStoreTests
{
    private static readonly MessageEnvelope Envelope = new() { MailFrom = "a@x.test", RcptTo = ["b@x.test"] };

    private static MessageStore NewStore(int maxMessages = 100, long maxBytes = 1_000_000) =>
        new(new StoreOptions { MaxMessages = maxMessages, MaxBytes = maxBytes }, new FakeTimeProvider(DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture)));

    private static StoredMessage Add(MessageStore store, string subject, int padding = 0)
    {
        var raw = Encoding.ASCII.GetBytes($"Subject: {subject}\r\n\r\n{new string('x', padding)}\r\n");
        return store.Add(raw, Envelope, MessageViewBuilder.Build(raw, new IngestLimits()))!;
    }

    [Fact]
    public void Add_AssignsMonotonicSeqAndId()
    {
        var store = NewStore();

        var first = Add(store, "one");
        var second = Add(store, "two");

        Assert.Equal(1u, first.Seq);
        Assert.Equal(2u, second.Seq);
        Assert.Equal(MessageId.Format(store.UidValidity, 2), second.Id);
        Assert.Same(second, store.Get(second.Id));
        Assert.Equal(2u, store.HeadSeq);
    }

    [Fact]
    public void Add_BeyondCountCap_EvictsOldestFirstAndCounts()
    {
        var store = NewStore(maxMessages: 3);
        using var feed = store.Subscribe();

        for (var i = 1; i <= 5; i++)
        {
            Add(store, $"m{i}");
        }

        Assert.Equal([5u, 4u, 3u], store.NewestFirst().Select(m => m.Seq));
        Assert.Equal(2, store.Evictions);
        Assert.Null(store.Get(1));
        var evicted = new List<uint>();
        while (feed.Reader.TryRead(out var change))
        {
            if (change is MessagesEvicted e)
            {
                evicted.AddRange(e.Messages.Select(m => m.Seq));
            }
        }

        Assert.Equal([1u, 2u], evicted);
    }

    [Fact]
    public void Add_BeyondByteCap_EvictsUntilItFits()
    {
        var store = NewStore(maxBytes: 3_000);

        var a = Add(store, "a", 1_000);
        Add(store, "b", 1_000);
        Add(store, "c", 1_000);

        Assert.Null(store.Get(a.Seq));
        Assert.True(store.Bytes <= 3_000);
        Assert.Equal(1, store.Evictions);
    }

    [Fact]
    public void Eviction_SkipsDeletedMessages_AndSpansSegments()
    {
        var store = NewStore(maxMessages: 1_500);
        for (var i = 0; i < 3_000; i++)
        {
            Add(store, $"m{i}");
        }

        store.Delete(Enumerable.Range(1_600, 200).Select(i => (uint)i));

        Assert.Equal(1_300, store.Count);
        Assert.Equal(3_000u, store.NewestFirst().First().Seq);
        Assert.Equal(1_501u, store.OldestFirst().First().Seq);
        Assert.Equal(store.Count, store.NewestFirst().Count());
        Assert.Equal(store.NewestFirst().Select(m => m.Seq).Reverse(), store.OldestFirst().Select(m => m.Seq));
    }

    [Fact]
    public void NewestFirst_Before_PagesWithoutOverlap()
    {
        var store = NewStore();
        for (var i = 0; i < 10; i++)
        {
            Add(store, $"m{i}");
        }

        var page1 = store.NewestFirst().Take(4).Select(m => m.Seq).ToArray();
        var page2 = store.NewestFirst(page1[^1]).Take(4).Select(m => m.Seq).ToArray();

        Assert.Equal([10u, 9u, 8u, 7u], page1);
        Assert.Equal([6u, 5u, 4u, 3u], page2);
    }

    [Fact]
    public void Clear_KeepsSeqMonotonic()
    {
        var store = NewStore();
        Add(store, "a");
        Add(store, "b");

        var cleared = store.Clear();
        var next = Add(store, "c");

        Assert.Equal(2, cleared);
        Assert.Equal(3u, next.Seq);
        Assert.Single(store.NewestFirst());
        Assert.Equal(0, store.Evictions);
    }

    [Fact]
    public void UpdateFlags_PublishesOnlyRealChanges()
    {
        var store = NewStore();
        var message = Add(store, "a");
        using var feed = store.Subscribe();

        Assert.True(store.UpdateFlags(message, MessageFlags.Seen, MessageFlags.None));
        Assert.False(store.UpdateFlags(message, MessageFlags.Seen, MessageFlags.None));

        Assert.True(feed.Reader.TryRead(out var change));
        var flags = Assert.IsType<FlagsChanged>(change);
        Assert.Equal(MessageFlags.Seen, flags.Flags);
        Assert.False(feed.Reader.TryRead(out _));
        Assert.True(message.IsRead);
    }

    [Fact]
    public async Task Subscribe_SlowSubscriber_OverflowsWithoutBlockingWriters()
    {
        var store = NewStore();
        using var slow = store.Subscribe(capacity: 2);

        for (var i = 0; i < 5; i++)
        {
            Add(store, $"m{i}");
        }

        Assert.True(slow.Overflowed);
        Assert.Equal(5, store.Count);
        var drained = new List<StoreChange>();
        await Assert.ThrowsAsync<StoreSubscriptionOverflowException>(async () =>
        {
            await foreach (var change in slow.Reader.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                drained.Add(change);
            }
        });
        Assert.Equal(2, drained.Count);
    }

    [Fact]
    public void Unread_FollowsAddFlagsDeleteEvictAndClear()
    {
        var store = NewStore(maxMessages: 3);
        var a = Add(store, "a");
        var b = Add(store, "b");
        Add(store, "c");

        store.UpdateFlags(b, MessageFlags.Seen, MessageFlags.None);
        Assert.Equal(2, store.Unread);
        store.Delete([b.Seq]);
        Assert.Equal(2, store.Unread);
        store.UpdateFlags(a, MessageFlags.Flagged, MessageFlags.None);
        Assert.Equal(2, store.Unread);
        Add(store, "d");
        Add(store, "e");

        Assert.Equal(3, store.Unread);
        Assert.Null(store.Get(a.Seq));
        Assert.Equal(store.NewestFirst().Count(m => !m.IsRead), store.Unread);
        store.Clear();
        Assert.Equal(0, store.Unread);
    }
}
