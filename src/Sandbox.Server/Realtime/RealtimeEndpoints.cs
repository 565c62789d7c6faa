using Microsoft.AspNetCore.SignalR;

namespace Sandbox.Server.Realtime;

/// <summary>Registers and maps the web inbox hub and its broadcaster.</summary>
internal static class RealtimeEndpoints
{
    public static IServiceCollection AddInboxRealtime(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<InboxConnections>();
        services.AddSingleton<HubLifetimeManager<InboxHub>, CountingHubLifetimeManager>();
        services.AddHostedService<InboxBroadcaster>();
        return services;
    }

    public static WebApplication MapInboxHub(this WebApplication app)
    {
        app.MapHub<InboxHub>(InboxHub.Path);
        return app;
    }
}
