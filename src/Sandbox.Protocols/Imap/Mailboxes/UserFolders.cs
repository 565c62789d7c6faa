using Sandbox.Core.Messages;

namespace Sandbox.Protocols.Imap.Mailboxes;

/// <summary>
/// One login's folders: INBOX (the captured mail) plus Sent, Drafts, Trash and Junk with
/// their RFC 6154 SPECIAL-USE attributes, and any folder the client created. "/" separates
/// levels. Thread-safe.
/// </summary>
internal sealed class UserFolders
{
    public const char Delimiter = '/';

    private static readonly Dictionary<string, string> s_special = new(StringComparer.Ordinal)
    {
        ["Sent"] = "\\Sent",
        ["Drafts"] = "\\Drafts",
        ["Trash"] = "\\Trash",
        ["Junk"] = "\\Junk",
    };

    private readonly Lock _gate = new();
    private readonly List<string> _names = [MessagePlacement.InboxName, "Sent", "Drafts", "Trash", "Junk"];
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal) { MessagePlacement.InboxName, "Sent", "Drafts", "Trash", "Junk" };

    public static string? SpecialUse(string name) => s_special.GetValueOrDefault(name);

    /// <summary>INBOX in any case is INBOX (RFC 3501 5.1); other names are case-sensitive.</summary>
    public static string Normalize(string name) =>
        name.Equals(MessagePlacement.InboxName, StringComparison.OrdinalIgnoreCase) ? MessagePlacement.InboxName : name;

    public IReadOnlyList<string> All()
    {
        lock (_gate)
        {
            return [.. _names];
        }
    }

    public bool Exists(string name)
    {
        name = Normalize(name);
        lock (_gate)
        {
            return _names.Contains(name, StringComparer.Ordinal);
        }
    }

    public bool HasChildren(string name)
    {
        var prefix = name + Delimiter;
        lock (_gate)
        {
            return _names.Any(n => n.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    public bool IsSubscribed(string name)
    {
        lock (_gate)
        {
            return _subscribed.Contains(name);
        }
    }

    public bool Create(string name)
    {
        name = Normalize(name).TrimEnd(Delimiter);
        lock (_gate)
        {
            if (name.Length == 0 || _names.Contains(name, StringComparer.Ordinal))
            {
                return false;
            }

            _names.Add(name);
            return true;
        }
    }

    public bool Delete(string name)
    {
        lock (_gate)
        {
            _subscribed.Remove(name);
            return name != MessagePlacement.InboxName && _names.Remove(name);
        }
    }

    /// <summary>Renames a folder and its children; returns the (old, new) pairs renamed.</summary>
    public List<(string Old, string New)>? Rename(string from, string to)
    {
        lock (_gate)
        {
            if (from == MessagePlacement.InboxName || !_names.Contains(from) || _names.Contains(to) || to.Length == 0)
            {
                return null;
            }

            var renamed = _names
                .Where(n => n == from || n.StartsWith(from + Delimiter, StringComparison.Ordinal))
                .Select(n => (n, to + n[from.Length..]))
                .ToList();
            foreach (var (old, @new) in renamed)
            {
                _names[_names.IndexOf(old)] = @new;
                if (_subscribed.Remove(old))
                {
                    _subscribed.Add(@new);
                }
            }

            return renamed;
        }
    }

    public void Subscribe(string name, bool subscribe)
    {
        lock (_gate)
        {
            if (subscribe)
            {
                _subscribed.Add(name);
            }
            else
            {
                _subscribed.Remove(name);
            }
        }
    }
}
