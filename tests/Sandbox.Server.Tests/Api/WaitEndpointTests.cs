using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Server.Api;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Api;

public class WaitEndpointTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxHost _host = fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WaiterGauge Gauge => _host.Services.GetRequiredService<WaiterGauge>();

    [Fact]
    public async Task Wait_MessageAlreadyStored_ReturnsItAtOnce()
    {
        var to = _host.NewAddress("already");
        await Mail.SendAsync(_host, to, "Already here", cancellationToken: Ct);

        using var response = await _host.Http.GetAsync($"api/v1/messages/wait?to={to}&timeout=30", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ApiJson.ReadAsync<WaitResultDto>(response);
        var message = Assert.Single(result.Items);
        Assert.Equal("Already here", message.Subject);
        Assert.Equal(message.Seq, result.Cursor);
    }

    [Fact]
    public async Task Wait_MessageArrivesDuringWait_ReturnsIt()
    {
        var to = _host.NewAddress("later");
        var before = Gauge.Listening;
        var cursor = _host.Store.HeadSeq;
        var wait = _host.Http.GetAsync($"api/v1/messages/wait?to={to}&after={cursor}&timeout=30", Ct);
        await Gauge.WhenAsync(g => g.Listening > before, Ct);

        var send = Task.Run(() => Mail.SendAsync(_host, to, "Arrived later", cancellationToken: Ct), Ct);
        using var response = await wait;
        await send;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ApiJson.ReadAsync<WaitResultDto>(response);
        Assert.Equal("Arrived later", Assert.Single(result.Items).Subject);
    }

    [Fact]
    public async Task Wait_CountThree_ReturnsThreeOldestFirst()
    {
        var to = _host.NewAddress("three");
        var cursor = _host.Store.HeadSeq;
        var before = Gauge.Listening;
        var wait = _host.Http.GetAsync($"api/v1/messages/wait?to={to}&after={cursor}&count=3&timeout=30", Ct);
        await Gauge.WhenAsync(g => g.Listening > before, Ct);

        for (var i = 1; i <= 4; i++)
        {
            await Mail.SendAsync(_host, to, $"n{i}", cancellationToken: Ct);
        }

        using var response = await wait;
        var result = await ApiJson.ReadAsync<WaitResultDto>(response);
        Assert.Equal(["n1", "n2", "n3"], result.Items.Select(m => m.Subject));
        Assert.Equal(result.Items[2].Seq, result.Cursor);
    }

    [Fact]
    public async Task Wait_ThousandAbortedWaits_FreesEveryWaiter()
    {
        const int Batch = 50;
        var to = _host.NewAddress("nobody");
        await Gauge.WhenAsync(g => g.Current == 0, Ct);

        for (var round = 0; round < 1_000 / Batch; round++)
        {
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var waits = Enumerable.Range(0, Batch)
                .Select(_ => _host.Http.GetAsync($"api/v1/messages/wait?to={to}&timeout=60", abort.Token))
                .ToArray();
            await Gauge.WhenAsync(g => g.Listening == Batch, Ct);

            await abort.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(waits));
            await Gauge.WhenAsync(g => g.Current == 0 && g.Listening == 0, Ct);
        }

        var info = await _host.Client.GetInfoAsync(Ct);
        Assert.Equal(0, info.ActiveWaiters);
    }

    [Fact]
    public async Task Wait_FiftyConcurrentWaiters_EachGetsItsOwnMessage()
    {
        var recipients = Enumerable.Range(0, 50).Select(i => _host.NewAddress($"w{i}")).ToArray();
        var cursor = _host.Store.HeadSeq;
        var before = Gauge.Listening;
        var waits = recipients.Select(to => _host.Client.WaitForMessageAsync(MessageQuery.ForRecipient(to), cursor, TimeSpan.FromSeconds(30), Ct)).ToArray();
        await Gauge.WhenAsync(g => g.Listening >= before + recipients.Length, Ct);

        using (var smtp = await Mail.ConnectAsync(_host, Ct))
        {
            foreach (var to in recipients.Reverse())
            {
                await smtp.SendAsync(Mail.Create(to, $"for {to}"), Ct);
            }

            await smtp.DisconnectAsync(true, Ct);
        }

        var messages = await Task.WhenAll(waits);
        for (var i = 0; i < recipients.Length; i++)
        {
            Assert.Equal($"for {recipients[i]}", messages[i].Subject);
        }
    }

    [Fact]
    public async Task Wait_SendRacesSubscription_NeverLosesWakeUp()
    {
        using var smtp = await Mail.ConnectAsync(_host, Ct);
        for (var i = 0; i < 200; i++)
        {
            var to = _host.NewAddress("race");
            var cursor = _host.Store.HeadSeq;

            // Start both at once: the commit lands before, during or after the waiter subscribes.
            var wait = _host.Http.GetAsync($"api/v1/messages/wait?to={to}&after={cursor}&timeout=20", Ct);
            await smtp.SendAsync(Mail.Create(to, $"race {i}"), Ct);
            using var response = await wait;

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"race {i}", Assert.Single((await ApiJson.ReadAsync<WaitResultDto>(response)).Items).Subject);
        }

        await smtp.DisconnectAsync(true, Ct);
    }

    [Fact]
    public async Task Wait_PostJsonFilter_MatchesHeadersRegexAndRecipients()
    {
        var to = _host.NewAddress("json");
        var other = _host.NewAddress("other");
        var message = Mail.Create(to, "Order 12345 shipped");
        message.Headers.Add("X-Tenant", "blue");
        message.Headers.Add("X-Kind", "shipping");
        await Mail.SendAsync(_host, Mail.Create(to, "Order 12345 shipped"), cancellationToken: Ct);
        await Mail.SendAsync(_host, message, cancellationToken: Ct);

        using var response = await _host.Http.PostAsJsonAsync(
            "api/v1/messages/wait",
            new { to = new[] { other, to }, headers = new[] { "X-Tenant:blue", "X-Kind:ship" }, subjectRegex = @"^Order \d+ shipped$", timeout = 10 },
            Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = Assert.Single((await ApiJson.ReadAsync<WaitResultDto>(response)).Items);
        Assert.Contains(found.Headers, h => h.Name == "X-Tenant" && h.Value == "blue");
    }

    [Theory]
    [InlineData("count=0")]
    [InlineData("count=1001")]
    [InlineData("timeout=-1")]
    [InlineData("to=x@y.test&subjectRegex=(a")]
    public async Task Wait_BadParameters_Returns400(string query)
    {
        using var response = await _host.Http.GetAsync($"api/v1/messages/wait?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
