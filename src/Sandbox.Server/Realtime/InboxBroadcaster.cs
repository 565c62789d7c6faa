using Microsoft.AspNetCore.SignalR;
using Sandbox.Core.Messages;
using Sandbox.Core.Store;
using Sandbox.Server.Api;

namespace Sandbox.Server.Realtime;

/// <summary>
/// Reads the store's change feed and pushes it to every browser. SMTP never waits for this:
/// the store hands changes to a bounded channel; if this reader (or a slow browser behind it)
/// falls behind, the subscription overflows, and we resubscribe and tell browsers to resync.
/// Stats are coalesced: one push per drained batch of changes. While no browser is connected
/// (<see cref="InboxConnections"/>), changes are drained without building anything.
/// </summary>
internal sealed class InboxBroadcaster(MessageStore store, IHubContext<InboxHub, IInboxClient> hub, InboxConnections connections, ILogger<InboxBroadcaster> logger, int feedCapacity = InboxBroadcaster.DefaultFeedCapacity) : BackgroundService
{
    public const int DefaultFeedCapacity = 10_000;

    private StoreSubscription? _first;

    /// <summary>Called after each change is handled, pushed or skipped (tests observe ordering).</summary>
    internal Action<StoreChange>? Handled { get; set; }

    /// <summary>
    /// Subscribes before returning: since .NET 10, ExecuteAsync starts on a background thread,
    /// and a change committed between start-up and that thread's first step would be missed.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _first = store.Subscribe(feedCapacity);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        Interlocked.Exchange(ref _first, null)?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resync = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var subscription = Interlocked.Exchange(ref _first, null) ?? store.Subscribe(feedCapacity);
            if (resync)
            {
                await SendAsync(c => c.Resync());
                await SendAsync(c => c.Stats(InboxStats.From(store)));
            }

            try
            {
                await PumpAsync(subscription, stoppingToken);
                return;
            }
            catch (StoreSubscriptionOverflowException)
            {
                RealtimeLog.Overflowed(logger);
                resync = true;
            }
        }
    }

    private async Task PumpAsync(StoreSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            while (await subscription.Reader.WaitToReadAsync(cancellationToken))
            {
                var listened = false;
                while (subscription.Reader.TryRead(out var change))
                {
                    if (connections.Any)
                    {
                        listened = true;
                        await SendAsync(ToPush(change));
                    }

                    Handled?.Invoke(change);
                }

                if (listened)
                {
                    await SendAsync(c => c.Stats(InboxStats.From(store)));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private static Func<IInboxClient, Task> ToPush(StoreChange change) => change switch
    {
        MessageAdded added => c => c.MessageAdded(MessageMapper.ToSummary(added.Message)),
        MessagesRemoved removed => c => c.MessagesDeleted(removed.Messages.Select(m => m.Id).ToArray()),
        MessagesEvicted evicted => c => c.MessagesEvicted(evicted.Messages.Select(m => m.Id).ToArray()),
        FlagsChanged flags => c => c.FlagsChanged(flags.Message.Id, flags.Flags.HasFlag(MessageFlags.Seen)),
        StoreCleared => c => c.StoreCleared(),
        _ => _ => Task.CompletedTask,
    };

    private async Task SendAsync(Func<IInboxClient, Task> push)
    {
        try
        {
            await push(hub.Clients.All);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RealtimeLog.SendFailed(logger, ex);
        }
    }
}
