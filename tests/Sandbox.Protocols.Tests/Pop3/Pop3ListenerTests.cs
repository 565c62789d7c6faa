using System.Text.Json;
using Microsoft.Extensions.Options;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>Listener-level behaviour: the connection cap, /api/v1/info, option validation.</summary>
public class Pop3ListenerTests(Pop3LimitsHostFixture fixture) : IClassFixture<Pop3LimitsHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connections_BeyondPerAddressCap_ErrThenClose_FirstSessionUnaffected()
    {
        await using var first = await ConnectAdmittedAsync();
        await using var second = await Pop3LineClient.ConnectAsync(fixture.Host.Pop3Port, Ct);

        var closed = await second.IsClosedAsync(Ct);
        var capa = await first.CommandAsync("CAPA", Ct);

        Assert.StartsWith("-ERR [SYS/TEMP]", second.Greeting, StringComparison.Ordinal);
        Assert.True(closed);
        Assert.StartsWith("+OK", capa, StringComparison.Ordinal);
        await first.ReadBodyAsync(Ct);
    }

    [Fact]
    public async Task DeleThenDrop_OnceTheServerSessionHasEnded_NothingDeleted()
    {
        var to = fixture.Host.NewAddress();
        var stored = fixture.SeedText(to, "keep", "x");
        var dropped = await ConnectAdmittedAsync();
        await dropped.CommandAsync($"USER {to}", Ct);
        Assert.StartsWith("+OK", await dropped.CommandAsync("PASS x", Ct), StringComparison.Ordinal);
        Assert.StartsWith("+OK", await dropped.CommandAsync("DELE 1", Ct), StringComparison.Ordinal);

        await dropped.DisposeAsync();

        // With one connection per address, a new connection is admitted only after the dropped
        // session has fully ended (and would have deleted, were that the bug).
        await using var next = await ConnectAdmittedAsync();

        Assert.NotNull(fixture.Host.Store.Get(stored.Seq));
        Assert.StartsWith("+OK", await next.CommandAsync("QUIT", Ct), StringComparison.Ordinal);
    }

    /// <summary>Connects once the only per-address slot is free (a previous session has ended).</summary>
    private async Task<Pop3LineClient> ConnectAdmittedAsync()
    {
        var client = await Pop3LineClient.ConnectAsync(fixture.Host.Pop3Port, Ct);
        for (var attempt = 0; attempt < 1000 && !client.Greeting.StartsWith("+OK", StringComparison.Ordinal); attempt++)
        {
            await client.DisposeAsync();
            client = await Pop3LineClient.ConnectAsync(fixture.Host.Pop3Port, Ct);
        }

        Assert.StartsWith("+OK", client.Greeting, StringComparison.Ordinal);
        return client;
    }

    [Fact]
    public async Task Info_ReportsBoundPop3Port()
    {
        using var document = JsonDocument.Parse(await fixture.Host.Http.GetStringAsync("/api/v1/info", Ct));

        var json = document.RootElement.ToString();

        Assert.Contains($"\"pop3\":{fixture.Host.Pop3Port}", json.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sandbox:Pop3:Port", "70000")]
    [InlineData("Sandbox:Pop3:MaxLineLength", "10")]
    [InlineData("Sandbox:Pop3:Users:0", "nocolon")]
    public async Task Start_BadPop3Setting_FailsWithKeyInMessage(string key, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            await SandboxHost.StartAsync(new Dictionary<string, string?> { [key] = value }, Ct));

        Assert.Contains(key.Replace(":0", "", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
    }
}
