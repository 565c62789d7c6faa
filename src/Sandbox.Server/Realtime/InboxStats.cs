using Sandbox.Core.Store;

namespace Sandbox.Server.Realtime;

/// <summary>Reads <see cref="InboxStatsDto"/> from the store's counters (O(1), no scan per batch of changes).</summary>
internal static class InboxStats
{
    public static InboxStatsDto From(MessageStore store) =>
        new(store.Count, store.Unread, store.Bytes, store.Evictions, store.HeadSeq, store.UidValidity);
}
