using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>The IMAP cases of security.md: each bad input gets a clear reply and a NOOP afterwards still works.</summary>
public class ImapSecurityTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("x1 APPEND Sent {4294967295}")]
    [InlineData("x1 APPEND Sent {-1}")]
    [InlineData("x1 APPEND Sent {abc}")]
    [InlineData("x1 SEARCH CHARSET KOI8-R ALL")]
    [InlineData("x1 FETCH 1 (BODY[1.X])")]
    [InlineData("x1 STORE 1 +FLAGS (\\Bogus)")]
    [InlineData("x1 BOGUS")]
    public async Task BadCommand_IsRefused_SessionSurvives(string line)
    {
        await using var c = await SelectedAsync();

        var reply = await c.CommandAsync(line);

        Assert.Matches("^x1 (BAD|NO) ", reply.Split("\r\n")[^2]);
        Assert.DoesNotContain("\r\n+ ", "\r\n" + reply, StringComparison.Ordinal);
        Assert.StartsWith("n1 OK", await c.CommandAsync("n1 NOOP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeSequenceSet_LineTooLong_SessionSurvives()
    {
        await using var c = await SelectedAsync();
        var set = string.Join(',', Enumerable.Range(1, 100_000).Select(i => "1"));

        await c.SendAsync($"x1 FETCH {set} UID\r\n");

        Assert.StartsWith("* BAD", await c.ReadLineAsync(), StringComparison.Ordinal);
        Assert.StartsWith("n1 OK", await c.CommandAsync("n1 NOOP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeeplyNestedSearch_RefusedAtDepthLimit_SessionSurvives()
    {
        await using var c = await SelectedAsync();
        var nested = new string('(', 10_000) + "ALL" + new string(')', 10_000);

        Assert.StartsWith("x1 BAD", await c.CommandAsync($"x1 SEARCH {nested}"), StringComparison.Ordinal);
        Assert.StartsWith("n1 OK", await c.CommandAsync("n1 NOOP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandsBeforeLogin_AreRefused_SessionSurvives()
    {
        await using var c = await ImapRawClient.ConnectAsync(_host.ImapPort);

        Assert.StartsWith("x1 NO", await c.CommandAsync("x1 SELECT INBOX"), StringComparison.Ordinal);
        Assert.StartsWith("x2 NO", await c.CommandAsync("x2 FETCH 1 UID"), StringComparison.Ordinal);
        Assert.StartsWith("n1 OK", await c.CommandAsync("n1 NOOP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredUsers_WrongPassword_RefusedThenClosedAfterThreeAttempts()
    {
        await using var host = await SandboxHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Imap:Users:0"] = "alice:s3cret" }, TestContext.Current.CancellationToken);
        await using var c = await ImapRawClient.ConnectAsync(host.ImapPort);

        Assert.StartsWith("a1 NO", await c.CommandAsync("a1 LOGIN alice wrong"), StringComparison.Ordinal);
        Assert.StartsWith("n1 OK", await c.CommandAsync("n1 NOOP"), StringComparison.Ordinal);
        Assert.StartsWith("a2 OK", await c.CommandAsync("a2 LOGIN alice s3cret"), StringComparison.Ordinal);
        await using var d = await ImapRawClient.ConnectAsync(host.ImapPort);
        await d.CommandAsync("b1 LOGIN bob x");
        await d.CommandAsync("b2 LOGIN bob x");
        Assert.Contains("* BYE", await d.CommandAsync("b3 LOGIN bob x"), StringComparison.Ordinal);
        Assert.True(await d.IsClosedAsync());
    }

    private async Task<ImapRawClient> SelectedAsync()
    {
        var to = _host.NewAddress();
        await ImapMailKitTests.SendAsync(_host, to, "S1", withAttachment: false);
        var c = await ImapRawClient.ConnectAsync(_host.ImapPort, to);
        await c.CommandAsync("s1 SELECT INBOX");
        return c;
    }
}
