using System.Net;
using Sandbox.Core.Store;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>DELE marks in session memory; only QUIT deletes (RFC 1939 sections 5 and 6).</summary>
public class Pop3DeletionTests(Pop3HostFixture fixture) : IClassFixture<Pop3HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int Port => fixture.Host.Pop3Port;

    [Fact]
    public async Task Dele_ThenStatRetrRset_MarkIsSessionOnlyAndReversible()
    {
        var to = fixture.Host.NewAddress();
        var a = fixture.SeedText(to, "a", "x");
        var b = fixture.SeedText(to, "b", "yy");
        await using var client = await Pop3LineClient.LoginAsync(Port, to, Ct);

        var dele = await client.CommandAsync("DELE 1", Ct);
        var stat = await client.CommandAsync("STAT", Ct);
        var retr = await client.CommandAsync("RETR 1", Ct);
        var top = await client.CommandAsync("TOP 1 0", Ct);
        var list = await client.CommandAsync("LIST 1", Ct);
        var again = await client.CommandAsync("DELE 1", Ct);
        var stillStored = fixture.Host.Store.Get(a.Seq) is not null;
        var rset = await client.CommandAsync("RSET", Ct);
        var statAfter = await client.CommandAsync("STAT", Ct);

        Assert.StartsWith("+OK", dele, StringComparison.Ordinal);
        Assert.Equal($"+OK 1 {b.Size}", stat);
        Assert.StartsWith("-ERR", retr, StringComparison.Ordinal);
        Assert.StartsWith("-ERR", top, StringComparison.Ordinal);
        Assert.StartsWith("-ERR", list, StringComparison.Ordinal);
        Assert.StartsWith("-ERR", again, StringComparison.Ordinal);
        Assert.True(stillStored);
        Assert.StartsWith("+OK", rset, StringComparison.Ordinal);
        Assert.Equal($"+OK 2 {a.Size + b.Size}", statAfter);
    }

    [Fact]
    public async Task Dele_ThenDroppedConnection_NothingDeleted()
    {
        var to = fixture.Host.NewAddress();
        var stored = fixture.SeedText(to, "keep", "x");
        var client = await Pop3LineClient.LoginAsync(Port, to, Ct);
        Assert.StartsWith("+OK", await client.CommandAsync("DELE 1", Ct), StringComparison.Ordinal);

        await client.DisposeAsync();

        // A later full session (login, STAT, QUIT) sees it, and so do REST and the store.
        await using var next = await Pop3LineClient.LoginAsync(Port, to, Ct);
        Assert.StartsWith("+OK 1 ", await next.CommandAsync("STAT", Ct), StringComparison.Ordinal);
        Assert.StartsWith("+OK", await next.CommandAsync("QUIT", Ct), StringComparison.Ordinal);
        using var response = await fixture.Host.Http.GetAsync($"/api/v1/messages/{stored.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(fixture.Host.Store.Get(stored.Seq));
    }

    [Fact]
    public async Task DeleThenQuit_RemovesFromStore_SubscribersSeeMessagesRemoved()
    {
        var to = fixture.Host.NewAddress();
        var doomed = fixture.SeedText(to, "doomed", "x");
        var kept = fixture.SeedText(to, "kept", "y");
        using var subscription = fixture.Host.Store.Subscribe();
        await using var client = await Pop3LineClient.LoginAsync(Port, to, Ct);
        Assert.StartsWith("+OK", await client.CommandAsync("DELE 1", Ct), StringComparison.Ordinal);

        var quit = await client.CommandAsync("QUIT", Ct);

        Assert.Equal("+OK Sandbox POP3 signing off (1 messages deleted)", quit);
        var change = await subscription.Reader.ReadAsync(Ct);
        var removed = Assert.IsType<MessagesRemoved>(change);
        Assert.Equal(doomed.Seq, Assert.Single(removed.Messages).Seq);
        using var response = await fixture.Host.Http.GetAsync($"/api/v1/messages/{doomed.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(fixture.Host.Store.Get(kept.Seq));
    }

    [Fact]
    public async Task DeletedOverRestMidSession_RetrErr_SessionContinuesAndNumbersStay()
    {
        var to = fixture.Host.NewAddress();
        var gone = fixture.SeedText(to, "gone", "x");
        var stays = fixture.SeedText(to, "stays", "y");
        await using var client = await Pop3LineClient.LoginAsync(Port, to, Ct);
        using var delete = await fixture.Host.Http.DeleteAsync($"/api/v1/messages/{gone.Id}", Ct);
        Assert.True(delete.IsSuccessStatusCode);

        var retr = await client.CommandAsync("RETR 1", Ct);
        var dele = await client.CommandAsync("DELE 1", Ct);
        var stat = await client.CommandAsync("STAT", Ct);
        var noop = await client.CommandAsync("NOOP", Ct);
        var retr2 = await client.CommandAsync("RETR 2", Ct);
        var body = await client.ReadBodyAsync(Ct);
        var quit = await client.CommandAsync("QUIT", Ct);

        Assert.StartsWith("-ERR", retr, StringComparison.Ordinal);
        Assert.StartsWith("-ERR", dele, StringComparison.Ordinal);
        Assert.Equal($"+OK 1 {stays.Size}", stat);
        Assert.Equal("+OK", noop);
        Assert.StartsWith("+OK", retr2, StringComparison.Ordinal);
        Assert.Equal(stays.Raw.ToArray(), body);
        Assert.StartsWith("+OK", quit, StringComparison.Ordinal);
        Assert.NotNull(fixture.Host.Store.Get(stays.Seq));
    }

    [Fact]
    public async Task QuitFromAuthorization_DeletesNothingAndCloses()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        var quit = await client.CommandAsync("QUIT", Ct);

        Assert.StartsWith("+OK", quit, StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync(Ct));
    }
}
