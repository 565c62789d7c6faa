namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>The idle timeout (security.md: POP3 10 minutes by default) closes a silent session.</summary>
public class Pop3IdleTests(Pop3IdleHostFixture fixture) : IClassFixture<Pop3IdleHostFixture>
{
    [Fact]
    public async Task Idle_BeyondTimeout_ErrThenClose()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = await Pop3LineClient.ConnectAsync(fixture.Host.Pop3Port, ct);

        var line = await client.ReadLineAsync(ct);

        Assert.StartsWith("-ERR", line, StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync(ct));
    }
}
