using System.Text;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>Byte-level IMAP behaviour over a raw line client: \Seen rules, UID replies, sequence sets, literals, pipelining.</summary>
public class ImapProtocolTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Fetch_BodyPeek_DoesNotSetSeen()
    {
        await using var c = await SelectedAsync(2);

        var reply = await c.CommandAsync("f1 FETCH 1 (BODY.PEEK[])");

        Assert.DoesNotContain("FLAGS", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("\\Seen", await c.CommandAsync("f2 FETCH 1 FLAGS"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_Body_SetsSeenAndReportsFlags()
    {
        await using var c = await SelectedAsync(2);

        var reply = await c.CommandAsync("f1 FETCH 1 BODY[TEXT]");

        Assert.Contains("FLAGS (\\Seen)", reply, StringComparison.Ordinal);
        Assert.Contains("\\Seen", await c.CommandAsync("f2 FETCH 1 FLAGS"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Examine_Body_DoesNotSetSeen()
    {
        var user = await DeliverAsync(1);
        await using var c = await ImapRawClient.ConnectAsync(_host.ImapPort, user);
        Assert.Contains("[READ-ONLY]", await c.CommandAsync("e1 EXAMINE INBOX"), StringComparison.Ordinal);

        var reply = await c.CommandAsync("f1 FETCH 1 (RFC822)");

        Assert.DoesNotContain("FLAGS", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("\\Seen", await c.CommandAsync("f2 FETCH 1 FLAGS"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UidFetch_WithoutUidItem_StillReturnsUid()
    {
        await using var c = await SelectedAsync(2);

        var reply = await c.CommandAsync("u1 UID FETCH 1:* (FLAGS)");

        Assert.Equal(2, reply.Split(" FETCH (UID ").Length - 1);
        Assert.Contains("u1 OK", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SequenceSets_EdgeCases_FollowTheRfc()
    {
        await using var c = await SelectedAsync(3);

        Assert.Contains("* 3 FETCH", await c.CommandAsync("a1 FETCH 5:* UID"), StringComparison.Ordinal);
        var reversed = await c.CommandAsync("a2 FETCH 2:1 UID");
        Assert.Contains("* 1 FETCH", reversed, StringComparison.Ordinal);
        Assert.Contains("* 2 FETCH", reversed, StringComparison.Ordinal);
        Assert.StartsWith("a3 BAD", await c.CommandAsync("a3 FETCH 9 UID"), StringComparison.Ordinal);
        Assert.StartsWith("a4 OK", await c.CommandAsync("a4 UID FETCH 999999 UID"), StringComparison.Ordinal);
        var big = await c.CommandAsync("a5 UID FETCH 1:4294967295 UID");
        Assert.Equal(3, big.Split(" FETCH (").Length - 1);
        Assert.StartsWith("a6 BAD", await c.CommandAsync("a6 FETCH 0 UID"), StringComparison.Ordinal);
        Assert.Contains("a7 OK", await c.CommandAsync("a7 NOOP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyMailbox_SequenceNumbersAreBadAndUidsEmpty()
    {
        await using var c = await ImapRawClient.ConnectAsync(_host.ImapPort, _host.NewAddress());
        Assert.Contains("* 0 EXISTS", await c.CommandAsync("s1 SELECT INBOX"), StringComparison.Ordinal);

        Assert.StartsWith("a1 BAD", await c.CommandAsync("a1 FETCH 1:* UID"), StringComparison.Ordinal);
        Assert.StartsWith("a2 OK", await c.CommandAsync("a2 UID FETCH 1:* UID"), StringComparison.Ordinal);
        Assert.StartsWith("* SEARCH\r\n", await c.CommandAsync("a3 SEARCH ALL"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_PartialBeyondEnd_ReturnsEmptyLiteralWithOrigin()
    {
        await using var c = await SelectedAsync(1);

        var reply = await c.CommandAsync("p1 FETCH 1 (BODY.PEEK[]<4294967295.4294967295>)");

        Assert.Contains("BODY[]<4294967295> {0}", reply, StringComparison.Ordinal);
        Assert.Contains("BODY[]<0> {5}", await c.CommandAsync("p2 FETCH 1 (BODY.PEEK[]<0.5>)"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_HeaderFields_IncludesBlankLine()
    {
        await using var c = await SelectedAsync(1);

        var reply = await c.CommandAsync("h1 FETCH 1 (BODY.PEEK[HEADER.FIELDS (Subject)])");

        Assert.Contains("BODY[HEADER.FIELDS (Subject)] {", reply, StringComparison.Ordinal);
        Assert.Contains("Subject: Message 1\r\n\r\n)", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Literal_Synchronizing_GetsContinuationThenWorks()
    {
        await using var c = await ImapRawClient.ConnectAsync(_host.ImapPort);

        await c.SendAsync("l1 LOGIN {4}\r\n");
        Assert.StartsWith("+ ", await c.ReadLineAsync(), StringComparison.Ordinal);
        await c.SendAsync("user {6}\r\n");
        Assert.StartsWith("+ ", await c.ReadLineAsync(), StringComparison.Ordinal);
        await c.SendAsync("secret\r\n");

        Assert.Contains("l1 OK", await c.ReadTaggedAsync("l1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Literal_NonSynchronizing_GetsNoContinuation()
    {
        await using var c = await ImapRawClient.ConnectAsync(_host.ImapPort);

        await c.SendAsync("l1 LOGIN {4+}\r\nuser {6+}\r\nsecret\r\n");

        var reply = await c.ReadTaggedAsync("l1");
        Assert.DoesNotContain("\r\n+", "\r\n" + reply, StringComparison.Ordinal);
        Assert.StartsWith("l1 OK", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Literal_Oversize_RefusedBeforeContinuation()
    {
        await using var c = await ImapRawClient.ConnectAsync(_host.ImapPort, "u");

        await c.SendAsync("a1 APPEND Sent {4294967295}\r\n");

        Assert.StartsWith("a1 BAD", await c.ReadLineAsync(), StringComparison.Ordinal);
        Assert.StartsWith("n1 OK", await c.CommandAsync("n1 NOOP"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipelined_UidFetches_AsMbsyncSends_AllAnsweredInOrder()
    {
        await using var c = await SelectedAsync(3);

        await c.SendAsync("7 UID FETCH 1:* (UID FLAGS)\r\n8 UID FETCH 1 (BODY.PEEK[])\r\n9 UID FETCH 2 (BODY.PEEK[])\r\n10 NOOP\r\n");

        var all = await c.ReadTaggedAsync("10");
        var order = new[] { "7 OK", "8 OK", "9 OK", "10 OK" }.Select(t => all.IndexOf(t, StringComparison.Ordinal)).ToArray();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task List_EmptyPatternAndReturnOptions_Work()
    {
        await using var c = await ImapRawClient.ConnectAsync(_host.ImapPort, "lister");

        Assert.Contains("* LIST (\\Noselect) \"/\" \"\"", await c.CommandAsync("l1 LIST \"\" \"\""), StringComparison.Ordinal);
        var special = await c.CommandAsync("l2 LIST (SPECIAL-USE) \"\" \"*\" RETURN (SPECIAL-USE)");
        Assert.Contains("\\Trash) \"/\" Trash", special, StringComparison.Ordinal);
        Assert.DoesNotContain("INBOX", special, StringComparison.Ordinal);
        Assert.Contains("\\Subscribed", await c.CommandAsync("l3 LIST \"\" \"INBOX\" RETURN (SUBSCRIBED CHILDREN)"), StringComparison.Ordinal);
        Assert.Contains("* LSUB", await c.CommandAsync("l4 LSUB \"\" \"*\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_PlainContinuationAndLogin_Work()
    {
        await using var plain = await ImapRawClient.ConnectAsync(_host.ImapPort);
        await plain.SendAsync("a1 AUTHENTICATE PLAIN\r\n");
        Assert.StartsWith("+", await plain.ReadLineAsync(), StringComparison.Ordinal);
        await plain.SendAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes("\0bob\0pw")) + "\r\n");
        Assert.Contains("a1 OK [CAPABILITY", await plain.ReadTaggedAsync("a1"), StringComparison.Ordinal);

        await using var login = await ImapRawClient.ConnectAsync(_host.ImapPort);
        await login.SendAsync("a1 AUTHENTICATE LOGIN\r\n");
        Assert.Equal("+ VXNlcm5hbWU6", await login.ReadLineAsync());
        await login.SendAsync(Convert.ToBase64String("bob"u8.ToArray()) + "\r\n");
        Assert.Equal("+ UGFzc3dvcmQ6", await login.ReadLineAsync());
        await login.SendAsync(Convert.ToBase64String("pw"u8.ToArray()) + "\r\n");
        Assert.Contains("a1 OK", await login.ReadTaggedAsync("a1"), StringComparison.Ordinal);
    }

    /// <summary>Delivers <paramref name="count"/> messages to a new address; returns the address.</summary>
    private async Task<string> DeliverAsync(int count)
    {
        var to = _host.NewAddress();
        for (var i = 1; i <= count; i++)
        {
            var raw = Encoding.ASCII.GetBytes($"From: a@example.test\r\nTo: {to}\r\nSubject: Message {i}\r\n\r\nBody {i}\r\n");
            var envelope = Sandbox.Core.Messages.MessageEnvelope.ForImport(Sandbox.Core.Messages.MessageSource.Import, "a@example.test", [to]);
            Assert.True(_host.Services.GetService(typeof(Sandbox.Core.Ingest.MessageIngestor)) is Sandbox.Core.Ingest.MessageIngestor ingestor && ingestor.Ingest(raw, envelope).Accepted);
        }

        return to;
    }

    private async Task<ImapRawClient> SelectedAsync(int count)
    {
        var user = await DeliverAsync(count);
        var c = await ImapRawClient.ConnectAsync(_host.ImapPort, user);
        Assert.Contains($"* {count} EXISTS", await c.CommandAsync("s1 SELECT INBOX"), StringComparison.Ordinal);
        return c;
    }
}
