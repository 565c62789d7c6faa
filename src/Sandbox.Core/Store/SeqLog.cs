using Sandbox.Core.Messages;

namespace Sandbox.Core.Store;

/// <summary>
/// Messages indexed by sequence number in fixed-size segments. Writers (serialised by the
/// store's lock) fill slots and null them on removal; readers take no lock: they read the
/// published directory and slots with volatile reads, and skip empty slots and segments.
/// Add, lookup, remove and evict-oldest are O(1) (amortised; the oldest cursor only moves
/// forward).
/// </summary>
internal sealed class SeqLog
{
    private const int SegmentBits = 10;
    private const int SegmentSize = 1 << SegmentBits;

    private Directory _directory = new([], 0);
    private uint _oldestHint = 1;
    private uint _head;

    /// <summary>The highest sequence number ever added (0 when none).</summary>
    public uint Head => Volatile.Read(ref _head);

    /// <summary>Writer: stores a message at a new head sequence number.</summary>
    public void Append(StoredMessage message)
    {
        var seq = message.Seq;
        var dir = _directory;
        var index = (long)(seq >> SegmentBits) - dir.First;
        if (index >= dir.Segments.Length)
        {
            dir = Grow(dir, seq >> SegmentBits);
            index = (long)(seq >> SegmentBits) - dir.First;
        }

        var segment = dir.Segments[index];
        if (segment is null)
        {
            segment = new Segment();
            Volatile.Write(ref dir.Segments[index], segment);
        }

        segment.Live++;
        Volatile.Write(ref segment.Slots[seq & (SegmentSize - 1)], message);
        Volatile.Write(ref _head, seq);
    }

    /// <summary>Writer: removes the message with that sequence number, if present.</summary>
    public StoredMessage? Remove(uint seq)
    {
        var dir = _directory;
        var index = (long)(seq >> SegmentBits) - dir.First;
        if (index < 0 || index >= dir.Segments.Length || dir.Segments[index] is not { } segment)
        {
            return null;
        }

        ref var slot = ref segment.Slots[seq & (SegmentSize - 1)];
        var message = slot;
        if (message is null)
        {
            return null;
        }

        Volatile.Write(ref slot, null);
        if (--segment.Live == 0 && (seq >> SegmentBits) != (Head >> SegmentBits))
        {
            // A full, now empty segment can never be filled again: drop it.
            Volatile.Write(ref dir.Segments[index], null);
        }

        return message;
    }

    /// <summary>Writer: the oldest message still present, or null.</summary>
    public StoredMessage? Oldest()
    {
        var seq = Math.Max(_oldestHint, 1);
        while (seq <= Head && seq != 0)
        {
            if (Get(seq) is { } message)
            {
                _oldestHint = seq;
                return message;
            }

            seq = SkipEmptySegment(seq);
        }

        _oldestHint = Head + 1;
        return null;
    }

    /// <summary>Writer: forgets every message (sequence numbers continue from the head).</summary>
    public void Clear()
    {
        Volatile.Write(ref _directory, new Directory([], (Head + 1L) >> SegmentBits));
        _oldestHint = Head + 1;
    }

    /// <summary>Reader: the message with that sequence number, or null.</summary>
    public StoredMessage? Get(uint seq)
    {
        var dir = Volatile.Read(ref _directory);
        var index = (long)(seq >> SegmentBits) - dir.First;
        if (index < 0 || index >= dir.Segments.Length)
        {
            return null;
        }

        var segment = Volatile.Read(ref dir.Segments[index]);
        return segment is null ? null : Volatile.Read(ref segment.Slots[seq & (SegmentSize - 1)]);
    }

    /// <summary>Reader: messages with seq &lt; <paramref name="before"/>, newest first.</summary>
    public IEnumerable<StoredMessage> NewestFirst(uint before)
    {
        var dir = Volatile.Read(ref _directory);
        var lowest = (ulong)dir.First << SegmentBits;

        // Start at the head, not at before - 1: nothing was ever stored above the head, and
        // walking down from uint.MaxValue one empty segment at a time costs ~4 million steps.
        if (before == 0)
        {
            yield break;
        }

        var seq = Math.Min((ulong)before - 1, Head);
        while (seq >= lowest && seq > 0)
        {
            var index = (long)(seq >> SegmentBits) - dir.First;
            var segment = index < dir.Segments.Length ? Volatile.Read(ref dir.Segments[index]) : null;
            if (segment is null)
            {
                // Jump to the last slot of the previous segment.
                seq = ((seq >> SegmentBits) << SegmentBits) - 1;
                if (seq == ulong.MaxValue)
                {
                    yield break;
                }

                continue;
            }

            if (Volatile.Read(ref segment.Slots[seq & (SegmentSize - 1)]) is { } message)
            {
                yield return message;
            }

            seq--;
        }
    }

    /// <summary>Reader: messages with seq &gt; <paramref name="after"/>, oldest first.</summary>
    public IEnumerable<StoredMessage> OldestFirst(uint after)
    {
        var dir = Volatile.Read(ref _directory);
        var seq = Math.Max((ulong)after + 1, (ulong)dir.First << SegmentBits);
        var end = ((ulong)(dir.First + dir.Segments.Length)) << SegmentBits;
        while (seq < end && seq <= uint.MaxValue)
        {
            var index = (long)(seq >> SegmentBits) - dir.First;
            var segment = Volatile.Read(ref dir.Segments[index]);
            if (segment is null)
            {
                seq = ((seq >> SegmentBits) + 1) << SegmentBits;
                continue;
            }

            if (Volatile.Read(ref segment.Slots[seq & (SegmentSize - 1)]) is { } message)
            {
                yield return message;
            }

            seq++;
        }
    }

    private uint SkipEmptySegment(uint seq)
    {
        var dir = _directory;
        var index = (long)(seq >> SegmentBits) - dir.First;
        if (index < 0)
        {
            return (uint)(dir.First << SegmentBits);
        }

        if (index < dir.Segments.Length && dir.Segments[index] is null)
        {
            return (uint)Math.Min(((ulong)(seq >> SegmentBits) + 1) << SegmentBits, uint.MaxValue);
        }

        return seq + 1;
    }

    private Directory Grow(Directory dir, long neededSegment)
    {
        // Rebase on the first live segment so the directory tracks only the live range.
        var first = dir.First;
        var skip = 0;
        while (skip < dir.Segments.Length && dir.Segments[skip] is null)
        {
            skip++;
        }

        first = skip == dir.Segments.Length ? neededSegment : first + skip;
        var live = (int)(neededSegment - first + 1);
        var grown = new Segment?[Math.Max(4, live * 2)];
        Array.Copy(dir.Segments, skip, grown, 0, dir.Segments.Length - skip);
        var next = new Directory(grown, first);
        Volatile.Write(ref _directory, next);
        return next;
    }

    private sealed class Segment
    {
        public readonly StoredMessage?[] Slots = new StoredMessage?[SegmentSize];
        public int Live;
    }

    /// <summary>Immutable once published, except for its slot contents.</summary>
    private sealed record Directory(Segment?[] Segments, long First);
}
