using System.Text;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>Byte-exact and malformed dialogues over a raw socket; every bad command is followed by NOOP.</summary>
public class Pop3RawProtocolTests(Pop3HostFixture fixture) : IClassFixture<Pop3HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int Port => fixture.Host.Pop3Port;

    [Fact]
    public async Task Greeting_HasNoApopTimestamp()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        Assert.StartsWith("+OK", client.Greeting, StringComparison.Ordinal);
        Assert.DoesNotContain('<', client.Greeting);
    }

    [Fact]
    public async Task Capa_Plaintext_ListsEverythingButStls()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        Assert.StartsWith("+OK", await client.CommandAsync("CAPA", Ct), StringComparison.Ordinal);
        var lines = Encoding.ASCII.GetString(await client.ReadBodyAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["TOP", "UIDL", "USER", "SASL PLAIN LOGIN", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION Sandbox"], lines);
    }

    [Fact]
    public async Task Retr_FirstLineStartsWithDot_EveryDotLineIsStuffed()
    {
        var to = fixture.Host.NewAddress();
        var stored = fixture.Seed(to, ".first line is a dot line\r\nX: y\r\n\r\n.body\r\n..two\r\n.\r\nend\r\n");
        await using var client = await Pop3LineClient.LoginAsync(Port, to, Ct);

        var status = await client.CommandAsync("RETR 1", Ct);
        var stuffed = await client.ReadStuffedBodyAsync(Ct);

        Assert.Equal($"+OK {stored.Size} octets", status);
        Assert.Equal("..first line is a dot line\r\nX: y\r\n\r\n..body\r\n...two\r\n..\r\nend\r\n", Encoding.ASCII.GetString(stuffed));
        Assert.Equal(stored.Raw.ToArray(), Pop3LineClient.Unstuff(stuffed));
    }

    [Theory]
    [InlineData("0", "Subject: t\r\n\r\n")]
    [InlineData("1", "Subject: t\r\n\r\nline1\r\n")]
    [InlineData("2", "Subject: t\r\n\r\nline1\r\n.line2\r\n")]
    [InlineData("99999999", "Subject: t\r\n\r\nline1\r\n.line2\r\nline3\r\n")]
    [InlineData("99999999999999999999", "Subject: t\r\n\r\nline1\r\n.line2\r\nline3\r\n")]
    public async Task Top_LineCounts_HeadersBlankLineAndThatManyBodyLines(string count, string expected)
    {
        var to = fixture.Host.NewAddress();
        fixture.Seed(to, "Subject: t\r\n\r\nline1\r\n.line2\r\nline3\r\n");
        await using var client = await Pop3LineClient.LoginAsync(Port, to, Ct);

        Assert.StartsWith("+OK", await client.CommandAsync($"TOP 1 {count}", Ct), StringComparison.Ordinal);

        Assert.Equal(expected, Encoding.ASCII.GetString(await client.ReadBodyAsync(Ct)));
    }

    [Fact]
    public async Task Top_DoesNotSetSeen_RetrDoes()
    {
        var to = fixture.Host.NewAddress();
        var stored = fixture.SeedText(to, "seen", "body");
        await using var client = await Pop3LineClient.LoginAsync(Port, to, Ct);

        await client.CommandAsync("TOP 1 0", Ct);
        await client.ReadBodyAsync(Ct);
        var afterTop = stored.IsRead;
        await client.CommandAsync("RETR 1", Ct);
        await client.ReadBodyAsync(Ct);

        Assert.False(afterTop);
        Assert.True(stored.IsRead);
    }

    [Fact]
    public async Task Pipelining_SeveralCommandsInOneWrite_AnsweredInOrder()
    {
        var to = fixture.Host.NewAddress();
        var first = fixture.SeedText(to, "one", ".dot", "a");
        var second = fixture.SeedText(to, "two", "b");
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        await client.SendAsync($"USER {to}\r\nPASS x\r\nSTAT\r\nRETR 1\r\nLAST\r\nRETR 2\r\nUIDL 2\r\nQUIT\r\n", Ct);

        Assert.StartsWith("+OK", await client.ReadLineAsync(Ct), StringComparison.Ordinal);
        Assert.StartsWith("+OK", await client.ReadLineAsync(Ct), StringComparison.Ordinal);
        Assert.Equal($"+OK 2 {first.Size + second.Size}", await client.ReadLineAsync(Ct));
        Assert.Equal($"+OK {first.Size} octets", await client.ReadLineAsync(Ct));
        Assert.Equal(first.Raw.ToArray(), await client.ReadBodyAsync(Ct));
        Assert.StartsWith("-ERR", await client.ReadLineAsync(Ct), StringComparison.Ordinal);
        Assert.Equal($"+OK {second.Size} octets", await client.ReadLineAsync(Ct));
        Assert.Equal(second.Raw.ToArray(), await client.ReadBodyAsync(Ct));
        Assert.Equal($"+OK 2 {second.Id}", await client.ReadLineAsync(Ct));
        Assert.StartsWith("+OK", await client.ReadLineAsync(Ct), StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync(Ct));
    }

    [Fact]
    public async Task Uidl_SameMessageInTwoSessions_SameStoreIdWithUidValidity()
    {
        var to = fixture.Host.NewAddress();
        var stored = fixture.SeedText(to, "uidl", "x");
        fixture.SeedText(to, "uidl2", "y");

        var first = await UidlListingAsync(to);
        var second = await UidlListingAsync(to);

        Assert.Equal(first, second);
        Assert.Equal($"1 {stored.Id}", first[0]);
        Assert.StartsWith(fixture.Host.Store.UidValidity.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), stored.Id, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, first.Distinct().Count());
    }

    [Theory]
    [InlineData("RETR 0")]
    [InlineData("RETR -1")]
    [InlineData("RETR 99999999999999999999")]
    [InlineData("RETR 2")]
    [InlineData("RETR")]
    [InlineData("RETR x")]
    [InlineData("TOP 1 -1")]
    [InlineData("TOP 1")]
    [InlineData("TOP 0 0")]
    [InlineData("LIST 0")]
    [InlineData("LIST 1 2")]
    [InlineData("UIDL 99999999999999999999")]
    [InlineData("DELE -1")]
    [InlineData("LAST")]
    [InlineData("APOP user 0123456789abcdef0123456789abcdef")]
    [InlineData("XYZZY")]
    [InlineData("")]
    [InlineData("USER again")]
    [InlineData("STLS")]
    public async Task Transaction_BadCommand_ErrAndSessionContinues(string command)
    {
        var to = fixture.Host.NewAddress();
        fixture.SeedText(to, "bad", "x");
        await using var client = await Pop3LineClient.LoginAsync(Port, to, Ct);

        var reply = await client.CommandAsync(command, Ct);

        Assert.StartsWith("-ERR", reply, StringComparison.Ordinal);
        Assert.Equal("+OK", await client.CommandAsync("NOOP", Ct));
        Assert.StartsWith("+OK 1 ", await client.CommandAsync("STAT", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("STAT")]
    [InlineData("LIST")]
    [InlineData("RETR 1")]
    [InlineData("TOP 1 0")]
    [InlineData("DELE 1")]
    [InlineData("UIDL")]
    [InlineData("RSET")]
    [InlineData("PASS nouser")]
    [InlineData("STLS")]
    [InlineData("AUTH CRAM-MD5")]
    public async Task Authorization_CommandBeforeLogin_ErrAndSessionContinues(string command)
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        var reply = await client.CommandAsync(command, Ct);

        Assert.StartsWith("-ERR", reply, StringComparison.Ordinal);
        Assert.Equal("+OK", await client.CommandAsync("NOOP", Ct));
    }

    [Fact]
    public async Task OverlongLine_Err_SessionContinues()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        var reply = await client.CommandAsync("USER " + new string('a', 5000), Ct);

        Assert.StartsWith("-ERR", reply, StringComparison.Ordinal);
        Assert.Equal("+OK", await client.CommandAsync("NOOP", Ct));
    }

    [Fact]
    public async Task List_And_Stat_SizesEqualRetrOctets()
    {
        var to = fixture.Host.NewAddress();
        var a = fixture.SeedText(to, "a", "hello", ".dotted");
        var b = fixture.SeedText(to, "b", "world");
        await using var client = await Pop3LineClient.LoginAsync(Port, to, Ct);

        Assert.StartsWith("+OK", await client.CommandAsync("LIST", Ct), StringComparison.Ordinal);
        var listing = Encoding.ASCII.GetString(await client.ReadBodyAsync(Ct));
        var single = await client.CommandAsync("LIST 2", Ct);
        await client.CommandAsync("RETR 1", Ct);
        var retrieved = await client.ReadBodyAsync(Ct);

        Assert.Equal($"1 {a.Size}\r\n2 {b.Size}\r\n", listing);
        Assert.Equal($"+OK 2 {b.Size}", single);
        Assert.Equal(a.Size, retrieved.Length);
    }

    private async Task<List<string>> UidlListingAsync(string to)
    {
        await using var client = await Pop3LineClient.LoginAsync(Port, to, Ct);
        Assert.StartsWith("+OK", await client.CommandAsync("UIDL", Ct), StringComparison.Ordinal);
        var lines = Encoding.ASCII.GetString(await client.ReadBodyAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.StartsWith("+OK", await client.CommandAsync("QUIT", Ct), StringComparison.Ordinal);
        return lines;
    }
}
