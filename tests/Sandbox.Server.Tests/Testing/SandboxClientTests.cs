using Microsoft.Extensions.DependencyInjection;
using Sandbox.Server.Api;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Testing;

public class SandboxClientTests(FakeClockFixture fixture) : IClassFixture<FakeClockFixture>
{
    private readonly SandboxHost _host = fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WaiterGauge Gauge => _host.Services.GetRequiredService<WaiterGauge>();

    [Fact]
    public async Task WaitForMessageAsync_LongerThanServerCap_LoopsThenThrowsWithFilterArrivalsAndEvictions()
    {
        var client = new SandboxClient(_host.Http, fixture.Clock);
        var alice = _host.NewAddress("alice");
        var bob = _host.NewAddress("bob");
        var cursor = await client.GetCursorAsync(Ct);
        await Mail.SendAsync(_host, bob, "Not for alice", cancellationToken: Ct);
        var registrations = Gauge.Registrations;

        var wait = client.WaitForMessageAsync(MessageQuery.ForRecipient(alice), cursor, TimeSpan.FromSeconds(90), Ct);
        await Gauge.WhenAsync(g => g.Registrations == registrations + 1, Ct);
        fixture.Clock.Advance(TimeSpan.FromSeconds(60));
        await Gauge.WhenAsync(g => g.Registrations == registrations + 2, Ct);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<SandboxWaitTimeoutException>(() => wait);

        Assert.Contains($"to={alice}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Timed out after 90 s", error.Message, StringComparison.Ordinal);
        Assert.Contains($"from app@sender.test to {bob} subject \"Not for alice\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("evicted by the store's capacity policy during the wait: 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertNoMessageAsync_MatchingMessageExists_Throws()
    {
        var to = _host.NewAddress("unwanted");
        await Mail.SendAsync(_host, to, "Should not exist", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<SandboxUnexpectedMessageException>(
            () => _host.Client.AssertNoMessageAsync(MessageQuery.ForRecipient(to), TimeSpan.FromSeconds(5), cancellationToken: Ct));

        Assert.Contains("Should not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssertNoMessageAsync_NothingArrivesWithinWindow_Passes()
    {
        var client = new SandboxClient(_host.Http, fixture.Clock);
        var registrations = Gauge.Registrations;

        var check = client.AssertNoMessageAsync(MessageQuery.ForRecipient(_host.NewAddress("quiet")), TimeSpan.FromSeconds(2), cancellationToken: Ct);
        await Gauge.WhenAsync(g => g.Registrations == registrations + 1, Ct);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));

        await check;
        Assert.True(check.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ImportAsync_ThenRawAsMimeMessage_RoundTrips()
    {
        var to = _host.NewAddress("import");
        var raw = System.Text.Encoding.ASCII.GetBytes($"From: a@x.test\r\nTo: {to}\r\nSubject: Round trip\r\n\r\nbody\r\n");

        var imported = await _host.Client.ImportAsync(raw, Ct);
        var mime = await _host.Client.GetMimeMessageAsync(imported.Id, Ct);
        var bytes = await _host.Client.GetRawAsync(imported.Id, Ct);

        Assert.Equal("Round trip", mime.Subject);
        Assert.Equal(raw, bytes);
    }
}
