using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Store;
using Sandbox.Server.Api;
using Sandbox.Server.Realtime;

namespace Sandbox.Server.Tests.Ui;

public class InboxBroadcasterTests
{
    [Fact]
    public async Task Broadcaster_BlockedBehindSlowClient_StoreKeepsIngestingAndClientsAreToldToResync()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new MessageStore(new StoreOptions(), TimeProvider.System);
        var ingestor = new MessageIngestor(store, new IngestLimits(), 1024 * 1024);
        var client = new SlowClient();
        using var broadcaster = new InboxBroadcaster(store, new FakeHubContext(client), InboxConnections.Always, NullLogger<InboxBroadcaster>.Instance, feedCapacity: 4);
        await broadcaster.StartAsync(ct);
        Ingest(ingestor, 1);
        await client.FirstAddEntered.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);

        for (var i = 2; i <= 20; i++)
        {
            Ingest(ingestor, i);
        }

        client.Gate.SetResult();

        await client.ResyncSeen.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.Equal(20, store.Count);
        await broadcaster.StopAsync(ct);
    }

    [Fact]
    public async Task Broadcaster_PushesOnlyWhileAConnectionIsRegistered()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new MessageStore(new StoreOptions(), TimeProvider.System);
        var ingestor = new MessageIngestor(store, new IngestLimits(), 1024 * 1024);
        var client = new RecordingClient();
        var connections = new InboxConnections();
        using var broadcaster = new InboxBroadcaster(store, new FakeHubContext(client), connections, NullLogger<InboxBroadcaster>.Instance);
        await broadcaster.StartAsync(ct);

        var handled = System.Threading.Channels.Channel.CreateUnbounded<StoreChange>();
        broadcaster.Handled = c => handled.Writer.TryWrite(c);

        // Nobody listens: message 1 is handled without a push. Then a connection registers
        // and message 2 is pushed.
        Ingest(ingestor, 1);
        await handled.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        Assert.False(client.Added.Reader.TryRead(out _));
        Assert.Equal(0, client.StatsCount);

        connections.Added();
        Ingest(ingestor, 2);
        var pushed = await client.Added.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        await handled.Reader.ReadAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.Equal("2", pushed.Subject);
        Assert.False(client.Added.Reader.TryRead(out _));
        await broadcaster.StopAsync(ct);
    }

    private static void Ingest(MessageIngestor ingestor, int n) =>
        ingestor.Ingest(Encoding.ASCII.GetBytes($"From: a@x.test\r\nTo: b@x.test\r\nSubject: {n}\r\n\r\nbody\r\n"), new MessageEnvelope { MailFrom = "a@x.test", RcptTo = ["b@x.test"] });

    private sealed class SlowClient : IInboxClient
    {
        public TaskCompletionSource FirstAddEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ResyncSeen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task MessageAdded(MessageSummaryDto message)
        {
            FirstAddEntered.TrySetResult();
            return Gate.Task;
        }

        public Task MessagesDeleted(IReadOnlyList<string> ids) => Task.CompletedTask;

        public Task MessagesEvicted(IReadOnlyList<string> ids) => Task.CompletedTask;

        public Task FlagsChanged(string id, bool read) => Task.CompletedTask;

        public Task StoreCleared() => Task.CompletedTask;

        public Task Stats(InboxStatsDto stats) => Task.CompletedTask;

        public Task Resync()
        {
            ResyncSeen.TrySetResult();
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingClient : IInboxClient
    {
        private int _stats;

        public System.Threading.Channels.Channel<MessageSummaryDto> Added { get; } = System.Threading.Channels.Channel.CreateUnbounded<MessageSummaryDto>();

        public int StatsCount => Volatile.Read(ref _stats);

        public Task MessageAdded(MessageSummaryDto message) => Added.Writer.WriteAsync(message).AsTask();

        public Task MessagesDeleted(IReadOnlyList<string> ids) => Task.CompletedTask;

        public Task MessagesEvicted(IReadOnlyList<string> ids) => Task.CompletedTask;

        public Task FlagsChanged(string id, bool read) => Task.CompletedTask;

        public Task StoreCleared() => Task.CompletedTask;

        public Task Stats(InboxStatsDto stats)
        {
            Interlocked.Increment(ref _stats);
            return Task.CompletedTask;
        }

        public Task Resync() => Task.CompletedTask;
    }

    private sealed class FakeHubContext(IInboxClient all) : IHubContext<InboxHub, IInboxClient>
    {
        public IHubClients<IInboxClient> Clients { get; } = new FakeHubClients(all);

        public IGroupManager Groups => throw new NotSupportedException();
    }

    private sealed class FakeHubClients(IInboxClient all) : IHubClients<IInboxClient>
    {
        public IInboxClient All => all;

        public IInboxClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => all;

        public IInboxClient Client(string connectionId) => all;

        public IInboxClient Clients(IReadOnlyList<string> connectionIds) => all;

        public IInboxClient Group(string groupName) => all;

        public IInboxClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => all;

        public IInboxClient Groups(IReadOnlyList<string> groupNames) => all;

        public IInboxClient User(string userId) => all;

        public IInboxClient Users(IReadOnlyList<string> userIds) => all;
    }
}
