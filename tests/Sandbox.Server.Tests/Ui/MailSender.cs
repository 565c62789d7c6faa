using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Sandbox.Server.Tests.Ui;

/// <summary>Sends test mail to the Sandbox over real SMTP (MailKit).</summary>
internal static class MailSender
{
    public static async Task SendAsync(int port, string to, string subject, string? html = null, string text = "Plain text body", CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Shop Robot", "robot@shop.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var builder = new BodyBuilder { TextBody = text };
        if (html is not null)
        {
            builder.HtmlBody = html;
        }

        message.Body = builder.ToMessageBody();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
