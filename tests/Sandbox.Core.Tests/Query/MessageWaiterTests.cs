using Sandbox.Core.Query;

namespace Sandbox.Core.Tests.Query;

public class MessageWaiterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WaitAsync_AddRacesRegistration_NeverLosesWakeUp()
    {
        var store = TestMessages.NewStore(maxMessages: 100);
        for (var i = 0; i < 1_000; i++)
        {
            var to = $"r{i}@x.test";
            var filter = new MessageFilter { To = [to], After = store.HeadSeq };
            using var start = new Barrier(2);

            var wait = Task.Run(() => { start.SignalAndWait(Ct); return MessageWaiter.WaitAsync(store, filter, 1, null, Ct); }, Ct);
            var add = Task.Run(() => { start.SignalAndWait(Ct); TestMessages.Add(store, $"To: {to}\n\nhi\n", rcptTo: to); }, Ct);
            await add;
            var outcome = await wait.WaitAsync(TimeSpan.FromSeconds(10), Ct);

            Assert.True(outcome.Completed, $"iteration {i} lost its wake-up");
        }
    }

    [Fact]
    public async Task WaitAsync_MatchEvictedThenCancelled_ReportsEviction()
    {
        var store = TestMessages.NewStore(maxMessages: 1);
        var filter = new MessageFilter { To = ["a@x.test"] };
        using var cancel = new CancellationTokenSource();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wait = MessageWaiter.WaitAsync(store, filter, 2, listening.SetResult, cancel.Token);
        await listening.Task;

        TestMessages.Add(store, "To: a@x.test\n\nhi\n", rcptTo: "a@x.test");
        TestMessages.Add(store, "To: b@x.test\n\nhi\n", rcptTo: "b@x.test");
        await cancel.CancelAsync();
        var outcome = await wait;

        Assert.False(outcome.Completed);
        Assert.Equal(1, outcome.Evicted);
        Assert.Equal(store.HeadSeq, outcome.Cursor);
    }

    [Fact]
    public async Task WaitAsync_FlagChangeMakesMatch_Completes()
    {
        var store = TestMessages.NewStore();
        var message = TestMessages.Add(store, "To: a@x.test\n\nhi\n", rcptTo: "a@x.test");
        var wait = MessageWaiter.WaitAsync(store, new MessageFilter { Read = true }, 1, null, Ct);

        store.UpdateFlags(message, Messages.MessageFlags.Seen, Messages.MessageFlags.None);
        var outcome = await wait.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Same(message, Assert.Single(outcome.Matches));
    }
}
