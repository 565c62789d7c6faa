using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Testing;

// README: "Using Sandbox.Testing from xUnit v3" shows this file verbatim.

/// <summary>One in-process Sandbox for the test class: SMTP and HTTP on 127.0.0.1, ephemeral ports.</summary>
public sealed class MailSandbox : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await SandboxHost.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

public class PasswordResetTests(MailSandbox sandbox) : IClassFixture<MailSandbox>
{
    [Fact]
    public async Task ResetPassword_SendsMailWithLinkAndCode()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = sandbox.Host.Client;
        var alice = sandbox.Host.NewAddress("alice");
        var cursor = await client.GetCursorAsync(ct);

        // Your application under test sends its mail to 127.0.0.1:{sandbox.Host.SmtpPort}.
        await SendPasswordResetAsync(sandbox.Host.SmtpPort, alice, ct);

        var mail = await client.WaitForMessageAsync(MessageQuery.ForRecipient(alice), after: cursor, timeout: TimeSpan.FromSeconds(10), ct);
        Assert.Equal("Reset your password", mail.Subject);
        var link = Assert.Single(mail.Links, l => l.Text == "Reset password");
        Assert.StartsWith("https://app.test/reset?token=", link.Href, StringComparison.Ordinal);
        Assert.Equal(["482913"], mail.Codes);
        var raw = await client.GetMimeMessageAsync(mail.Id, ct);
        Assert.Equal("no-reply@app.test", raw.From.Mailboxes.Single().Address);
        await client.AssertNoMessageAsync(new MessageQuery { To = [alice], Subject = "Welcome" }, TimeSpan.Zero, after: cursor, ct);
    }

    // Stands in for the application under test.
    private static async Task SendPasswordResetAsync(int smtpPort, string to, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("App", "no-reply@app.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Reset your password";
        message.Body = new BodyBuilder
        {
            HtmlBody = "<p>Your reset code is <b>482913</b>.</p><p><a href=\"https://app.test/reset?token=abc123\">Reset password</a></p>",
            TextBody = "Your reset code is 482913.\nReset password: https://app.test/reset?token=abc123",
        }.ToMessageBody();
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", smtpPort, SecureSocketOptions.None, ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
