using System.Net.Security;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>STLS (RFC 2595) and implicit TLS with the generated certificate.</summary>
public class Pop3TlsTests(Pop3TlsHostFixture fixture) : IClassFixture<Pop3TlsHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stls_MailKitStartTls_UpgradesAndDownloads()
    {
        var to = fixture.Host.NewAddress();
        var stored = fixture.SeedText(to, "tls", "secret");
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", fixture.Host.Pop3Port, SecureSocketOptions.StartTls, Ct);

        await client.AuthenticateAsync(to, "pw", Ct);
        using var stream = await client.GetStreamAsync(0, false, Ct);

        Assert.True(client.IsSecure);
        Assert.Equal(stored.Raw.ToArray(), await ReadAllAsync(stream));
        await client.DisconnectAsync(true, Ct);
    }

    [Fact]
    public async Task ImplicitTls_Pop3sPort_Authenticates()
    {
        var to = fixture.Host.NewAddress();
        fixture.SeedText(to, "pop3s", "x");
        using var client = NewClient();

        await client.ConnectAsync("127.0.0.1", fixture.Host.Port("pop3s"), SecureSocketOptions.SslOnConnect, Ct);
        await client.AuthenticateAsync(to, "pw", Ct);

        Assert.True(client.IsSecure);
        Assert.Equal(1, client.Count);
        await client.DisconnectAsync(true, Ct);
    }

    [Fact]
    public async Task Capa_TlsConfiguredPlaintext_OffersStls()
    {
        await using var client = await Pop3LineClient.ConnectAsync(fixture.Host.Pop3Port, Ct);

        await client.CommandAsync("CAPA", Ct);
        var capa = System.Text.Encoding.ASCII.GetString(await client.ReadBodyAsync(Ct));

        Assert.Contains("STLS\r\n", capa, StringComparison.Ordinal);
    }

    private static Pop3Client NewClient() =>
        new(new TestOutputProtocolLogger(TestContext.Current.TestOutputHelper!))
        {
            // The generated certificate is self-signed: accept exactly the errors that implies.
            ServerCertificateValidationCallback = (_, _, _, errors) => (errors & ~(SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch)) == SslPolicyErrors.None,
        };

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);
        return copy.ToArray();
    }
}
