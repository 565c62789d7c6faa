using Microsoft.AspNetCore.SignalR;

namespace Sandbox.Server.Realtime;

/// <summary>
/// SignalR's own in-memory lifetime manager for the inbox hub, counting connections into
/// <see cref="InboxConnections"/>: counted before a connection is registered and uncounted
/// after it is removed, so whenever a send could reach someone the count is above zero.
/// </summary>
internal sealed class CountingHubLifetimeManager(InboxConnections connections, ILogger<DefaultHubLifetimeManager<InboxHub>> logger)
    : DefaultHubLifetimeManager<InboxHub>(logger)
{
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        connections.Added();
        return base.OnConnectedAsync(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        try
        {
            await base.OnDisconnectedAsync(connection);
        }
        finally
        {
            connections.Removed();
        }
    }
}
