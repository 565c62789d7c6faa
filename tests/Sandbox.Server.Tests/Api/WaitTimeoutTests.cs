using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Server.Api;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Api;

public class WaitTimeoutTests(FakeClockFixture fixture) : IClassFixture<FakeClockFixture>
{
    private readonly SandboxHost _host = fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WaiterGauge Gauge => _host.Services.GetRequiredService<WaiterGauge>();

    [Fact]
    public async Task Wait_NothingArrives_Returns204WithCursorAndEvictedHeaders()
    {
        await Gauge.WhenAsync(g => g.Current == 0, Ct);
        var wait = _host.Http.GetAsync($"api/v1/messages/wait?to={_host.NewAddress()}&timeout=5", Ct);
        await Gauge.WhenAsync(g => g.Listening == 1, Ct);

        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        using var response = await wait;

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(_host.Store.HeadSeq.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("Sandbox-Cursor")));
        Assert.Equal("0", Assert.Single(response.Headers.GetValues("Sandbox-Evicted")));
    }

    [Fact]
    public async Task Wait_MatchEvictedDuringWait_CountsEviction()
    {
        await Gauge.WhenAsync(g => g.Current == 0, Ct);
        var to = _host.NewAddress("evicted");
        var wait = _host.Http.GetAsync($"api/v1/messages/wait?to={to}&after={_host.Store.HeadSeq}&count=2&timeout=5", Ct);
        await Gauge.WhenAsync(g => g.Listening == 1, Ct);
        await Mail.SendAsync(_host, to, "will be evicted", cancellationToken: Ct);
        for (var i = 0; i < 3; i++)
        {
            await Mail.SendAsync(_host, _host.NewAddress("filler"), $"filler {i}", cancellationToken: Ct);
        }

        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        using var response = await wait;

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Sandbox-Evicted")));
    }

    [Fact]
    public async Task Wait_BeyondWaiterCap_Returns429()
    {
        await Gauge.WhenAsync(g => g.Current == 0, Ct);
        var waits = Enumerable.Range(0, 2).Select(_ => _host.Http.GetAsync($"api/v1/messages/wait?to={_host.NewAddress()}&timeout=5", Ct)).ToArray();
        await Gauge.WhenAsync(g => g.Listening == 2, Ct);

        using var refused = await _host.Http.GetAsync($"api/v1/messages/wait?to={_host.NewAddress()}&timeout=5", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        foreach (var response in await Task.WhenAll(waits))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            response.Dispose();
        }
    }
}
