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
        await using var first = await Pop3LineClient.ConnectAsync(fixture.Host.Pop3Port, Ct);
        await using var second = await Pop3LineClient.ConnectAsync(fixture.Host.Pop3Port, Ct);

        var closed = await second.IsClosedAsync(Ct);
        var capa = await first.CommandAsync("CAPA", Ct);

        Assert.StartsWith("-ERR [SYS/TEMP]", second.Greeting, StringComparison.Ordinal);
        Assert.True(closed);
        Assert.StartsWith("+OK", capa, StringComparison.Ordinal);
        await first.ReadBodyAsync(Ct);
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
