using Sandbox.Core.Mailboxes;
using Sandbox.Core.Messages;
using Sandbox.Core.Store;

namespace Sandbox.Protocols.Pop3;

/// <summary>
/// One session's maildrop (RFC 1939 section 5): a snapshot of the login's INBOX taken at login,
/// numbered 1..n for the whole session, with DELE marks kept in session memory only. Deletions
/// made elsewhere are learned from a store subscription; evicted messages stay readable because
/// the snapshot holds them (architecture.md).
/// </summary>
internal sealed class Pop3Maildrop : IDisposable
{
    private readonly MessageStore _store;
    private readonly StoreSubscription _changes;
    private readonly StoredMessage[] _messages;
    private readonly bool[] _marked;
    private readonly HashSet<uint> _removedElsewhere = [];
    private bool _clearedElsewhere;

    private Pop3Maildrop(MessageStore store, StoreSubscription changes, StoredMessage[] messages)
    {
        _store = store;
        _changes = changes;
        _messages = messages;
        _marked = new bool[messages.Length];
    }

    /// <summary>Subscribes first, then reads, so no deletion between the two is missed.</summary>
    public static Pop3Maildrop Open(MessageStore store, MailboxScope scope)
    {
        var changes = store.Subscribe();
        var messages = store.OldestFirst().Where(scope.InInbox).ToArray();
        return new Pop3Maildrop(store, changes, messages);
    }

    /// <summary>The highest message number of the snapshot.</summary>
    public int Size => _messages.Length;

    public int MarkedCount => _marked.Count(m => m);

    public Pop3Lookup Find(int number, out StoredMessage message)
    {
        message = null!;
        if (number < 1 || number > _messages.Length)
        {
            return Pop3Lookup.NoSuchMessage;
        }

        message = _messages[number - 1];
        if (_marked[number - 1])
        {
            return Pop3Lookup.Marked;
        }

        return IsGone(message) ? Pop3Lookup.Gone : Pop3Lookup.Found;
    }

    /// <summary>Messages neither marked nor deleted elsewhere, with their session numbers.</summary>
    public IEnumerable<(int Number, StoredMessage Message)> Visible()
    {
        Refresh();
        for (var i = 0; i < _messages.Length; i++)
        {
            if (!_marked[i] && !IsGone(_messages[i]))
            {
                yield return (i + 1, _messages[i]);
            }
        }
    }

    /// <summary>DELE: marks a found message; the caller checked <see cref="Find"/> first.</summary>
    public void Mark(int number) => _marked[number - 1] = true;

    /// <summary>RSET: unmarks every message.</summary>
    public void Reset() => Array.Clear(_marked);

    /// <summary>UPDATE state: deletes the marked messages from the store; returns those still present.</summary>
    public IReadOnlyList<StoredMessage> Commit()
    {
        var seqs = _messages.Where((_, i) => _marked[i]).Select(m => m.Seq).ToList();
        return seqs.Count == 0 ? [] : _store.Delete(seqs);
    }

    public void Dispose() => _changes.Dispose();

    private bool IsGone(StoredMessage message)
    {
        Refresh();
        if (_changes.Overflowed)
        {
            // The feed was lost: the store itself is the truth (an evicted message then reads as gone).
            return _store.Get(message.Seq) is null;
        }

        return _clearedElsewhere || _removedElsewhere.Contains(message.Seq);
    }

    private void Refresh()
    {
        while (_changes.Reader.TryRead(out var change))
        {
            switch (change)
            {
                case MessagesRemoved removed:
                    foreach (var m in removed.Messages)
                    {
                        _removedElsewhere.Add(m.Seq);
                    }

                    break;
                case StoreCleared:
                    _clearedElsewhere = true;
                    break;
                default:
                    break;
            }
        }
    }
}
