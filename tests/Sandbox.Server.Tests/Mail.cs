using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Sandbox.Testing;

namespace Sandbox.Server.Tests;

/// <summary>Sends test mail over real SMTP with MailKit.</summary>
internal static class Mail
{
    public static MimeMessage Create(string to, string subject, string text = "Hello", string? html = null, string from = "app@sender.test")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        message.Body = body.ToMessageBody();
        return message;
    }

    public static async Task SendAsync(SandboxHost host, MimeMessage message, IEnumerable<string>? envelopeRecipients = null, CancellationToken cancellationToken = default)
    {
        using var client = await ConnectAsync(host, cancellationToken);
        if (envelopeRecipients is null)
        {
            await client.SendAsync(message, cancellationToken);
        }
        else
        {
            await client.SendAsync(message, MailboxAddress.Parse("app@sender.test"), envelopeRecipients.Select(MailboxAddress.Parse), cancellationToken);
        }

        await client.DisconnectAsync(true, cancellationToken);
    }

    public static Task SendAsync(SandboxHost host, string to, string subject, string text = "Hello", CancellationToken cancellationToken = default) =>
        SendAsync(host, Create(to, subject, text), null, cancellationToken);

    public static async Task<SmtpClient> ConnectAsync(SandboxHost host, CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", host.SmtpPort, SecureSocketOptions.None, cancellationToken);
        return client;
    }
}
