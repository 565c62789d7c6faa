using MailKit.Net.Pop3;
using MailKit.Security;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>MailKit's Pop3Client (async APIs) against the real listener.</summary>
public class Pop3MailKitTests(Pop3HostFixture fixture) : IClassFixture<Pop3HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MailKit_FullSession_CountUidsSizesTopDownloadDeleteQuit()
    {
        var to = fixture.Host.NewAddress();
        var first = fixture.SeedText(to, "first", "hello", ".dot line");
        var second = fixture.SeedText(to, "second", "world");
        using var client = new Pop3Client(new TestOutputProtocolLogger(TestContext.Current.TestOutputHelper!));
        await client.ConnectAsync("127.0.0.1", fixture.Host.Pop3Port, SecureSocketOptions.None, Ct);
        await client.AuthenticateAsync(to, "anything", Ct);

        var count = client.Count;
        var uids = await client.GetMessageUidsAsync(Ct);
        var sizes = await client.GetMessageSizesAsync(Ct);
        var headers = await client.GetMessageHeadersAsync(1, Ct);
        using var message = await client.GetMessageAsync(0, Ct);
        using var stream = await client.GetStreamAsync(0, false, Ct);
        await client.DeleteMessageAsync(0, Ct);
        await client.DisconnectAsync(true, Ct);

        Assert.Equal(2, count);
        Assert.Equal([first.Id, second.Id], uids);
        Assert.Equal([first.Size, second.Size], sizes);
        Assert.Equal("second", headers["Subject"]);
        Assert.Equal("first", message.Subject);
        Assert.Equal(first.Raw.ToArray(), await ReadAllAsync(stream));
        Assert.True(client.Capabilities.HasFlag(Pop3Capabilities.Pipelining));
        Assert.Null(fixture.Host.Store.Get(first.Seq));
        Assert.NotNull(fixture.Host.Store.Get(second.Seq));
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    public async Task MailKit_SaslMechanism_AuthenticatesAndSeesOwnMailbox(string mechanism)
    {
        var to = fixture.Host.NewAddress();
        fixture.SeedText(to, "sasl", "x");
        using var client = new Pop3Client(new TestOutputProtocolLogger(TestContext.Current.TestOutputHelper!));
        await client.ConnectAsync("127.0.0.1", fixture.Host.Pop3Port, SecureSocketOptions.None, Ct);
        client.AuthenticationMechanisms.RemoveWhere(m => m != mechanism);
        SaslMechanism sasl = mechanism == "PLAIN"
            ? new SaslMechanismPlain(to, "pw")
            : new SaslMechanismLogin(to, "pw");

        await client.AuthenticateAsync(sasl, Ct);

        Assert.Equal(1, client.Count);
        await client.DisconnectAsync(true, Ct);
    }

    [Fact]
    public async Task MailKit_NonAddressLogin_SeesEveryCapturedMessage()
    {
        fixture.SeedText(fixture.Host.NewAddress(), "anyone", "x");
        using var client = new Pop3Client(new TestOutputProtocolLogger(TestContext.Current.TestOutputHelper!));
        await client.ConnectAsync("127.0.0.1", fixture.Host.Pop3Port, SecureSocketOptions.None, Ct);

        await client.AuthenticateAsync("admin", "x", Ct);

        Assert.True(client.Count >= 1);
        Assert.Equal(fixture.Host.Store.Count, client.Count);
        await client.DisconnectAsync(false, Ct);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }
}
