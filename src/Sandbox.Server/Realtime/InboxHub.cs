using Microsoft.AspNetCore.SignalR;
using Sandbox.Core.Store;

namespace Sandbox.Server.Realtime;

/// <summary>
/// The web inbox's live feed. Clients only listen (see <see cref="IInboxClient"/>) and may ask
/// for the current counts; everything else goes through the REST API.
/// </summary>
internal sealed class InboxHub(MessageStore store) : Hub<IInboxClient>
{
    public const string Path = "/hubs/inbox";

    public InboxStatsDto GetStats() => InboxStats.From(store);
}
