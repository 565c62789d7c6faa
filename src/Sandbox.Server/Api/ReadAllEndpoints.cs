using Sandbox.Core.Messages;
using Sandbox.Core.Store;

namespace Sandbox.Server.Api;

/// <summary><c>POST /api/v1/messages/read-all</c>: marks every unread message read (the web inbox's "mark all read").</summary>
internal static class ReadAllEndpoints
{
    public static RouteGroupBuilder MapReadAll(this RouteGroupBuilder api)
    {
        api.MapPost("/messages/read-all", ReadAll).WithTags("Messages").WithName("MarkAllRead").WithSummary("Marks every unread message read; returns how many changed.");
        return api;
    }

    private static ReadAllResultDto ReadAll(MessageStore store)
    {
        var updated = 0;
        foreach (var message in store.OldestFirst())
        {
            if (!message.IsRead && store.UpdateFlags(message, MessageFlags.Seen, MessageFlags.None))
            {
                updated++;
            }
        }

        return new ReadAllResultDto(updated);
    }
}
