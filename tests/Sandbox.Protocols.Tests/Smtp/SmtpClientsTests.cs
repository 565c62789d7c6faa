using System.Diagnostics;
using System.Security.Authentication;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Smtp;

/// <summary>Real clients (MailKit, Python smtplib, curl) against the SMTP listener, with AUTH and TLS.</summary>
public class SmtpClientsTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await SandboxHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Tls:Certificate"] = "auto" });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MailKit_MultipartWithAttachmentUtf8AndBcc_StoredWithEnvelope()
    {
        var to1 = _host.NewAddress("to1");
        var to2 = _host.NewAddress("to2");
        var bcc = _host.NewAddress("hidden");
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jürgen", "jürgen@buecher.test"));
        message.To.Add(MailboxAddress.Parse(to1));
        message.To.Add(MailboxAddress.Parse(to2));
        message.Bcc.Add(MailboxAddress.Parse(bcc));
        message.Subject = "Grüße ✓";
        var body = new BodyBuilder { TextBody = "plain ✓", HtmlBody = "<p>html ✓</p>" };
        body.Attachments.Add("report.pdf", new byte[] { 1, 2, 3, 4 }, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        using var client = await ConnectAsync(SecureSocketOptions.None);

        await client.SendAsync(message, Ct);

        var stored = Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(bcc));
        Assert.Equal("Grüße ✓", stored.View.Subject);
        Assert.Equal("jürgen@buecher.test", stored.Envelope.MailFrom);
        Assert.Equal([to1, to2, bcc], stored.Envelope.RcptTo);
        Assert.Equal(2, stored.View.To.Count);
        Assert.Contains("html ✓", stored.View.Html, StringComparison.Ordinal);
        var attachment = Assert.Single(stored.View.Attachments);
        Assert.Equal("report.pdf", attachment.FileName);
        Assert.Equal(4, attachment.Size);
        Assert.True(stored.View.HasAttachments);
    }

    [Theory]
    [InlineData("PLAIN")]
    [InlineData("LOGIN")]
    public async Task Auth_AcceptAny_RecordsUser(string mechanism)
    {
        using var client = await ConnectAsync(SecureSocketOptions.None);
        client.AuthenticationMechanisms.RemoveWhere(m => m != mechanism);

        await client.AuthenticateAsync("app-user", "whatever", Ct);
        await client.SendAsync(Simple(out var rcpt), Ct);

        Assert.Contains(mechanism, client.AuthenticationMechanisms);
        Assert.Equal("app-user", Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(rcpt)).Envelope.AuthUser);
    }

    [Fact]
    public async Task Auth_ConfiguredUsers_RejectsOthersWith535()
    {
        await using var host = await SandboxHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Smtp:Users:0"] = "alice:secret" }, Ct);
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", host.SmtpPort, SecureSocketOptions.None, Ct);

        var wrong = await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => client.AuthenticateAsync("alice", "nope", Ct));
        await client.AuthenticateAsync("alice", "secret", Ct);

        Assert.Contains("535", wrong.Message + (wrong.InnerException?.Message ?? ""), StringComparison.Ordinal);
        Assert.True(client.IsAuthenticated);
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task StartTls_Tls12And13Clients_Succeed(SslProtocols protocol)
    {
        using var client = new SmtpClient { SslProtocols = protocol, ServerCertificateValidationCallback = IsSandboxCertificate };
        await client.ConnectAsync("127.0.0.1", _host.SmtpPort, SecureSocketOptions.StartTls, Ct);

        await client.SendAsync(Simple(out var rcpt), Ct);

        Assert.Equal(protocol, client.SslProtocol);
        Assert.True(Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(rcpt)).Envelope.Tls);
    }

    [Fact]
    public async Task ImplicitTls_Port_AcceptsMail()
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = IsSandboxCertificate };
        await client.ConnectAsync("127.0.0.1", _host.Port("smtps"), SecureSocketOptions.SslOnConnect, Ct);

        await client.SendAsync(Simple(out var rcpt), Ct);

        Assert.True(Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(rcpt)).Envelope.Tls);
    }

    [Fact]
    public async Task DefaultConfiguration_DoesNotAdvertiseStartTls()
    {
        await using var host = await SandboxHost.StartAsync(cancellationToken: Ct);
        using var client = new SmtpClient();

        await client.ConnectAsync("127.0.0.1", host.SmtpPort, SecureSocketOptions.None, Ct);

        Assert.False(client.Capabilities.HasFlag(SmtpCapabilities.StartTLS));
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.Authentication));
    }

    [Fact]
    public async Task PythonSmtplib_SendsWithAuth_Stored()
    {
        var rcpt = _host.NewAddress("py");
        var script = $$"""
            import smtplib
            from email.message import EmailMessage
            m = EmailMessage(); m['From'] = 'py@x.test'; m['To'] = '{{rcpt}}'; m['Subject'] = 'from python'; m.set_content('hello from smtplib')
            with smtplib.SMTP('127.0.0.1', {{_host.SmtpPort}}) as s:
                s.login('py', 'pw'); s.send_message(m)
            """;

        var (exit, output) = await RunAsync("python3", ["-c", script]);

        Assert.True(exit == 0, output);
        var stored = Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(rcpt));
        Assert.Equal("from python", stored.View.Subject);
        Assert.Equal("py", stored.Envelope.AuthUser);
    }

    [Fact]
    public async Task Curl_SmtpUpload_Stored()
    {
        var rcpt = _host.NewAddress("curl");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, $"From: c@x.test\r\nTo: {rcpt}\r\nSubject: from curl\r\n\r\nhello from curl\r\n", Ct);

        var (exit, output) = await RunAsync("curl", ["-sS", $"smtp://127.0.0.1:{_host.SmtpPort}", "--mail-from", "c@x.test", "--mail-rcpt", rcpt, "--upload-file", file]);

        File.Delete(file);
        Assert.True(exit == 0, output);
        Assert.Equal("from curl", Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(rcpt)).View.Subject);
    }

    // Trust exactly the certificate the Sandbox generated at start-up, nothing else.
    private bool IsSandboxCertificate(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate, System.Security.Cryptography.X509Certificates.X509Chain? chain, System.Net.Security.SslPolicyErrors errors) =>
        certificate is not null
        && certificate.GetCertHashString() == _host.Services.GetRequiredService<Sandbox.Protocols.Tls.TlsCertificateProvider>().Certificate!.GetCertHashString();

    private MimeMessage Simple(out string rcpt)
    {
        rcpt = _host.NewAddress();
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("a@x.test"));
        message.To.Add(MailboxAddress.Parse(rcpt));
        message.Subject = "simple";
        message.Body = new TextPart("plain") { Text = "hi" };
        return message;
    }

    private async Task<SmtpClient> ConnectAsync(SecureSocketOptions options)
    {
        var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _host.SmtpPort, options, Ct);
        return client;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
