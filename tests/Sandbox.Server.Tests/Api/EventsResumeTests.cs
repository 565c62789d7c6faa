using Sandbox.Testing;

namespace Sandbox.Server.Tests.Api;

public class EventsResumeTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxHost _host = fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_ReconnectWithLastEventId_MissesNothing()
    {
        var to = _host.NewAddress("resume");
        string lastId;
        using (var first = await EventsEndpointTests.OpenAsync(_host, $"api/v1/events?to={to}"))
        using (var events = new SseReader(await first.Content.ReadAsStreamAsync(Ct)))
        {
            await Mail.SendAsync(_host, to, "r1", cancellationToken: Ct);
            lastId = (await events.NextAsync(Ct)).Id;
        }

        await Mail.SendAsync(_host, to, "r2", cancellationToken: Ct);
        await Mail.SendAsync(_host, _host.NewAddress("unrelated"), "not for us", cancellationToken: Ct);
        await Mail.SendAsync(_host, to, "r3", cancellationToken: Ct);
        using var second = await EventsEndpointTests.OpenAsync(_host, $"api/v1/events?to={to}", lastId);
        using var resumed = new SseReader(await second.Content.ReadAsStreamAsync(Ct));
        var replayed = new[] { await resumed.NextAsync(Ct), await resumed.NextAsync(Ct) };
        await Mail.SendAsync(_host, to, "r4", cancellationToken: Ct);
        var live = await resumed.NextAsync(Ct);

        var all = replayed.Append(live).ToArray();
        Assert.All(all, e => Assert.Equal("added", e.Event));
        Assert.Equal(["r2", "r3", "r4"], all.Select(e => e.Data.GetProperty("subject").GetString()));
        Assert.True(all.Select(e => uint.Parse(e.Id, System.Globalization.CultureInfo.InvariantCulture)).SequenceEqual(all.Select(e => e.Data.GetProperty("seq").GetUInt32())));
    }
}
