using System.Globalization;
using System.Net.Http.Json;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Api;

public class EventsEndpointTests(SmallStoreFixture fixture) : IClassFixture<SmallStoreFixture>
{
    private readonly SandboxHost _host = fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_AddDeleteEvict_StreamInOrder()
    {
        var to = _host.NewAddress("sse");
        using var response = await OpenAsync(_host, $"api/v1/events?to={to}");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));

        await Mail.SendAsync(_host, to, "one", cancellationToken: Ct);
        var added = await events.NextAsync(Ct);
        var id = added.Data.GetProperty("id").GetString()!;
        await _host.Http.DeleteAsync($"api/v1/messages/{id}", Ct);
        var deleted = await events.NextAsync(Ct);
        await Mail.SendAsync(_host, to, "two", cancellationToken: Ct);
        await Mail.SendAsync(_host, to, "three", cancellationToken: Ct);
        await Mail.SendAsync(_host, to, "four", cancellationToken: Ct);
        var rest = new[] { await events.NextAsync(Ct), await events.NextAsync(Ct), await events.NextAsync(Ct), await events.NextAsync(Ct) };

        Assert.Equal("added", added.Event);
        Assert.Equal("one", added.Data.GetProperty("subject").GetString());
        Assert.Equal(added.Data.GetProperty("seq").GetUInt32().ToString(CultureInfo.InvariantCulture), added.Id);
        Assert.Equal("deleted", deleted.Event);
        Assert.Equal(id, deleted.Data.GetProperty("ids")[0].GetString());
        Assert.Equal(["added", "added", "evicted", "added"], rest.Select(e => e.Event));
        Assert.Equal("two", rest[0].Data.GetProperty("subject").GetString());
        Assert.Equal(rest[0].Data.GetProperty("id").GetString(), rest[2].Data.GetProperty("ids")[0].GetString());
    }

    [Fact]
    public async Task Events_FlagsAndClear_Stream()
    {
        var to = _host.NewAddress("flags");
        using var response = await OpenAsync(_host, $"api/v1/events?to={to}");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        await Mail.SendAsync(_host, to, "flag me", cancellationToken: Ct);
        var added = await events.NextAsync(Ct);
        var id = added.Data.GetProperty("id").GetString()!;

        using var patch = await _host.Http.PatchAsJsonAsync($"api/v1/messages/{id}", new { read = true }, Ct);
        var flags = await events.NextAsync(Ct);
        using var clear = await _host.Http.DeleteAsync("api/v1/messages", Ct);
        var cleared = await events.NextAsync(Ct);

        Assert.Equal("flags", flags.Event);
        Assert.True(flags.Data.GetProperty("read").GetBoolean());
        Assert.Equal(id, flags.Data.GetProperty("id").GetString());
        Assert.Equal("cleared", cleared.Event);
        Assert.True(cleared.Data.GetProperty("count").GetInt32() >= 1);
    }

    internal static async Task<HttpResponseMessage> OpenAsync(SandboxHost host, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return response;
    }
}
