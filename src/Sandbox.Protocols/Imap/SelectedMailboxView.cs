using Sandbox.Core.Mailboxes;
using Sandbox.Core.Messages;
using Sandbox.Core.Store;
using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap;

/// <summary>
/// A session's view of its selected mailbox: the messages by sequence number (ascending UID),
/// fixed between safe points. Store changes wait in the subscription and are applied and
/// reported (EXISTS, EXPUNGE, FETCH FLAGS) only by <see cref="WriteUpdates"/>, which the
/// session calls at safe points (never during FETCH, STORE or SEARCH, RFC 3501 7.4.1).
/// The view holds the messages themselves, so a message deleted elsewhere stays readable here
/// until its EXPUNGE is reported.
/// </summary>
internal sealed class SelectedMailboxView : IDisposable
{
    private readonly List<StoredMessage> _messages;
    private readonly Dictionary<uint, MessageFlags> _reported = [];
    private readonly StoreSubscription _subscription;
    private readonly MailboxScope _scope;

    public SelectedMailboxView(MessageStore store, MailboxScope scope, string folder, bool readOnly)
    {
        // Subscribe first, then read: changes already in the snapshot are recognised by UID.
        _subscription = store.Subscribe();
        _scope = scope;
        Folder = folder;
        ReadOnly = readOnly;
        _messages = [.. store.OldestFirst().Where(m => scope.InFolder(m, folder))];
        foreach (var m in _messages)
        {
            _reported[m.Seq] = m.Flags;
        }
    }

    public string Folder { get; }

    public bool ReadOnly { get; }

    public int Count => _messages.Count;

    /// <summary>True when the change feed overflowed; the session must end (it cannot resynchronise numbering).</summary>
    public bool Lost { get; private set; }

    public StoredMessage this[int sequence] => _messages[sequence - 1];

    public IReadOnlyList<StoredMessage> Messages => _messages;

    public uint MaxUid => _messages.Count == 0 ? 0 : _messages[^1].Seq;

    public System.Threading.Channels.ChannelReader<StoreChange> Changes => _subscription.Reader;

    /// <summary>
    /// Resolves a set to (sequence number, message) pairs in ascending order. UID sets ignore
    /// UIDs that do not exist; a sequence number beyond the mailbox is a syntax error (BAD).
    /// </summary>
    public List<(int Sequence, StoredMessage Message)> Resolve(SequenceSet set, bool byUid)
    {
        var picked = new SortedSet<int>();
        if (byUid)
        {
            foreach (var (low, high) in set.Resolve(MaxUid))
            {
                for (var i = LowerBound(low); i < _messages.Count && _messages[i].Seq <= high; i++)
                {
                    picked.Add(i);
                }
            }
        }
        else
        {
            // "n:*" always includes the last message, even when n is beyond it (RFC 3501 6.4.8).
            if (set.Ranges.Any(r => r.From != SequenceSet.Star && r.To != SequenceSet.Star && Math.Max(r.From, r.To) > _messages.Count) || _messages.Count == 0)
            {
                throw new ImapSyntaxException(_messages.Count == 0 ? "No messages in the mailbox." : "Invalid message sequence number.");
            }

            foreach (var (low, high) in set.Resolve((uint)_messages.Count))
            {
                for (var n = low; n <= Math.Min(high, (uint)_messages.Count); n++)
                {
                    picked.Add((int)n - 1);
                }
            }
        }

        return [.. picked.Select(i => (i + 1, _messages[i]))];
    }

    public void NoteFlags(StoredMessage message, MessageFlags flags) => _reported[message.Seq] = flags;

    /// <summary>Applies queued store changes and writes them; returns false when the feed overflowed.</summary>
    public bool WriteUpdates(ImapResponseWriter w)
    {
        var added = false;
        while (_subscription.Reader.TryRead(out var change))
        {
            switch (change)
            {
                case MessageAdded a when _scope.InFolder(a.Message, Folder) && a.Message.Seq > MaxUid:
                    _messages.Add(a.Message);
                    _reported[a.Message.Seq] = a.Message.Flags;
                    added = true;
                    break;
                case MessagesRemoved r:
                    Expunge(w, r.Messages);
                    break;
                case MessagesEvicted e:
                    Expunge(w, e.Messages);
                    break;
                case StoreCleared:
                    Expunge(w, [.. _messages]);
                    break;
                case FlagsChanged f:
                    ReportFlags(w, f.Message);
                    break;
                default:
                    break;
            }
        }

        if (added)
        {
            w.Raw("* "u8).Number(_messages.Count).Raw(" EXISTS\r\n"u8);
        }

        Lost = _subscription.Overflowed;
        return !Lost;
    }

    public void Dispose() => _subscription.Dispose();

    private void Expunge(ImapResponseWriter w, IReadOnlyList<StoredMessage> removed)
    {
        foreach (var message in removed)
        {
            var index = LowerBound(message.Seq);
            if (index < _messages.Count && _messages[index].Seq == message.Seq)
            {
                _messages.RemoveAt(index);
                _reported.Remove(message.Seq);
                w.Raw("* "u8).Number(index + 1).Raw(" EXPUNGE\r\n"u8);
            }
        }
    }

    private void ReportFlags(ImapResponseWriter w, StoredMessage message)
    {
        var index = LowerBound(message.Seq);
        if (index >= _messages.Count || _messages[index].Seq != message.Seq || _reported.GetValueOrDefault(message.Seq) == message.Flags)
        {
            return;
        }

        _reported[message.Seq] = message.Flags;
        w.Raw("* "u8).Number(index + 1).Raw(" FETCH (FLAGS "u8);
        ImapFlags.Write(w, message.Flags);
        w.Raw(")\r\n"u8);
    }

    private int LowerBound(uint uid)
    {
        int lo = 0, hi = _messages.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_messages[mid].Seq < uid)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
