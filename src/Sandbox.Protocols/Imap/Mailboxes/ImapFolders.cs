using System.Collections.Concurrent;

namespace Sandbox.Protocols.Imap.Mailboxes;

/// <summary>The folder lists of every login, in memory for the life of the process.</summary>
internal sealed class ImapFolders
{
    private readonly ConcurrentDictionary<string, UserFolders> _users = new(StringComparer.Ordinal);

    public UserFolders For(string user) => _users.GetOrAdd(user, _ => new UserFolders());
}
