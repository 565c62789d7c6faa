using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>STARTTLS on the plain port and implicit TLS on the "imaps" port, with a generated certificate.</summary>
public class ImapTlsTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await SandboxHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Tls:Certificate"] = "auto" });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    // Pins the certificate the Sandbox generated instead of accepting any.
    private bool IsOurs(System.Security.Cryptography.X509Certificates.X509Certificate? cert) =>
        cert is not null
        && _host.Services.GetService(typeof(Sandbox.Protocols.Tls.TlsCertificateProvider)) is Sandbox.Protocols.Tls.TlsCertificateProvider tls
        && cert.GetCertHashString() == tls.Certificate!.GetCertHashString();

    [Fact]
    public async Task StartTls_Advertised_UpgradesAndWorks()
    {
        using var imap = new ImapClient(ImapTestData.Logger()) { ServerCertificateValidationCallback = (_, cert, _, _) => IsOurs(cert) };

        await imap.ConnectAsync("127.0.0.1", _host.ImapPort, SecureSocketOptions.StartTls, Ct);

        Assert.True(imap.IsSecure);
        await imap.AuthenticateAsync("tls-user", "pw", Ct);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, Ct);
        await imap.DisconnectAsync(true, Ct);
    }

    [Fact]
    public async Task ImplicitTls_Port_Works()
    {
        using var imap = new ImapClient(ImapTestData.Logger()) { ServerCertificateValidationCallback = (_, cert, _, _) => IsOurs(cert) };

        await imap.ConnectAsync("127.0.0.1", _host.Port("imaps"), SecureSocketOptions.SslOnConnect, Ct);

        Assert.True(imap.IsSecure);
        await imap.AuthenticateAsync("tls-user", "pw", Ct);
        await imap.DisconnectAsync(true, Ct);
    }

    [Fact]
    public async Task PlainGreeting_AdvertisesStartTls()
    {
        await using var c = await ImapRawClient.ConnectAsync(_host.ImapPort);

        Assert.Contains("STARTTLS", c.Greeting, StringComparison.Ordinal);
    }
}
