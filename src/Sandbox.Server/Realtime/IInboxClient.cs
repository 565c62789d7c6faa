using Sandbox.Server.Api;

namespace Sandbox.Server.Realtime;

/// <summary>
/// What the web inbox hears on <c>/hubs/inbox</c>: summaries and ids only, never bodies.
/// </summary>
public interface IInboxClient
{
    Task MessageAdded(MessageSummaryDto message);

    Task MessagesDeleted(IReadOnlyList<string> ids);

    Task MessagesEvicted(IReadOnlyList<string> ids);

    Task FlagsChanged(string id, bool read);

    Task StoreCleared();

    /// <summary>Counts after a batch of changes, coalesced: at most one per batch.</summary>
    Task Stats(InboxStatsDto stats);

    /// <summary>The server lost track of changes (feed overflow): reload everything.</summary>
    Task Resync();
}
