using Sandbox.Core.Store;

namespace Sandbox.Server.Realtime;

/// <summary>Computes <see cref="InboxStatsDto"/> from the store (one lock-free scan).</summary>
internal static class InboxStats
{
    public static InboxStatsDto From(MessageStore store)
    {
        var cursor = store.HeadSeq;
        var unread = 0;
        foreach (var message in store.NewestFirst())
        {
            if (!message.IsRead)
            {
                unread++;
            }
        }

        return new InboxStatsDto(store.Count, unread, store.Bytes, store.Evictions, cursor, store.UidValidity);
    }
}
