namespace Sandbox.Server.Realtime;

/// <summary>
/// How many connections the inbox hub's lifetime manager holds. The broadcaster skips its
/// per-message work (summary, SignalR dispatch, stats) while nobody listens, the common case
/// in a test run: a push sent before a connection is registered never reached it anyway, so
/// skipping at zero changes nothing a client can observe.
/// </summary>
internal sealed class InboxConnections
{
    private int _count;

    /// <summary>An instance that always reports listeners (for hosts without the hub).</summary>
    public static InboxConnections Always { get; } = new() { _count = 1 };

    public bool Any => Volatile.Read(ref _count) > 0;

    public void Added() => Interlocked.Increment(ref _count);

    public void Removed() => Interlocked.Decrement(ref _count);
}
