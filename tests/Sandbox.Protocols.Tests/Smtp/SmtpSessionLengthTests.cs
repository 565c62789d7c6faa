using System.Diagnostics;
using MailKit.Net.Smtp;
using MimeKit;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Smtp;

/// <summary>
/// SmtpServer's default 2-minute hard cap on a whole session is overridden: only silence
/// (the idle timeout) ends a session. Made fast by configuring a 2-second idle timeout and
/// keeping one connection busy for several times that long.
/// </summary>
public class SmtpSessionLengthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneConnection_BusyLongerThanIdleTimeout_IsNotCutOff()
    {
        await using var host = await SandboxHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Smtp:IdleTimeout"] = "00:00:02" }, Ct);
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", host.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
        var clock = Stopwatch.StartNew();
        var sent = 0;

        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("bulk@x.test"));
            message.To.Add(MailboxAddress.Parse("bulk@y.test"));
            message.Subject = $"bulk {sent}";
            message.Body = new TextPart("plain") { Text = "x" };
            await client.SendAsync(message, Ct);
            sent++;
        }

        Assert.True(client.IsConnected);
        Assert.Equal(sent, host.Store.Count);
        await client.NoOpAsync(Ct);
    }
}
