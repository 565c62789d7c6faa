using System.Text;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>Store changes reach a session only at safe points: EXPUNGE never during FETCH, STORE or SEARCH.</summary>
public class ImapUpdatesTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RestDelete_TwoSessions_ExpungeOnlyAtSafePoints()
    {
        var to = _host.NewAddress();
        for (var i = 1; i <= 3; i++)
        {
            await ImapMailKitTests.SendAsync(_host, to, $"M{i}", withAttachment: false);
        }

        await using var a = await ImapRawClient.ConnectAsync(_host.ImapPort, to);
        await using var b = await ImapRawClient.ConnectAsync(_host.ImapPort, to);
        await a.CommandAsync("s1 SELECT INBOX");
        await b.CommandAsync("s1 SELECT INBOX");
        var first = _host.Store.NewestFirst().Single(m => m.View.Subject == "M1" && m.Envelope.RcptTo.Contains(to));

        var response = await _host.Http.DeleteAsync(new Uri($"api/v1/messages/{first.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);

        var fetch = await b.CommandAsync("f1 FETCH 1:3 (UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
        Assert.DoesNotContain("EXPUNGE", fetch, StringComparison.Ordinal);
        Assert.Contains("Subject: M1", fetch, StringComparison.Ordinal);
        Assert.DoesNotContain("EXPUNGE", await b.CommandAsync("t1 STORE 2 +FLAGS (\\Flagged)"), StringComparison.Ordinal);
        Assert.DoesNotContain("EXPUNGE", await b.CommandAsync("q1 SEARCH ALL"), StringComparison.Ordinal);
        var noop = await b.CommandAsync("n1 NOOP");
        Assert.Contains("* 1 EXPUNGE", noop, StringComparison.Ordinal);
        Assert.DoesNotContain("EXPUNGE", await b.CommandAsync("n2 NOOP"), StringComparison.Ordinal);

        var aNoop = await a.CommandAsync("n1 NOOP");
        Assert.Contains("* 1 EXPUNGE", aNoop, StringComparison.Ordinal);
        Assert.Contains("FLAGS (\\Flagged)", aNoop, StringComparison.Ordinal);
        Assert.Contains("* 2 FETCH (UID", await a.CommandAsync("f2 FETCH 2 UID"), StringComparison.Ordinal);
        Assert.StartsWith("f3 BAD", await a.CommandAsync("f3 FETCH 3 UID"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expunge_OtherSession_SeesItAtNoopAndNewMailAsExists()
    {
        var to = _host.NewAddress();
        await ImapMailKitTests.SendAsync(_host, to, "X1", withAttachment: false);
        await ImapMailKitTests.SendAsync(_host, to, "X2", withAttachment: false);
        await using var a = await ImapRawClient.ConnectAsync(_host.ImapPort, to);
        await using var b = await ImapRawClient.ConnectAsync(_host.ImapPort, to);
        await a.CommandAsync("s1 SELECT INBOX");
        await b.CommandAsync("s1 SELECT INBOX");

        await a.CommandAsync("t1 STORE 1 +FLAGS.SILENT (\\Deleted)");
        Assert.Contains("* 1 EXPUNGE", await a.CommandAsync("e1 EXPUNGE"), StringComparison.Ordinal);
        await ImapMailKitTests.SendAsync(_host, to, "X3", withAttachment: false);

        var noop = await b.CommandAsync("n1 NOOP");
        Assert.Contains("* 1 EXPUNGE", noop, StringComparison.Ordinal);
        Assert.Contains("* 2 EXISTS", noop, StringComparison.Ordinal);
        Assert.True(noop.IndexOf("EXPUNGE", StringComparison.Ordinal) < noop.IndexOf("EXISTS", StringComparison.Ordinal));
    }
}
