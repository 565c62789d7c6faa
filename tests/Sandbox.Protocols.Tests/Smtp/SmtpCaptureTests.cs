using System.Text;
using MailKit.Net.Smtp;
using MimeKit;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Smtp;

public class SmtpCaptureTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Send_PlainText_IsStoredBeforeReplyWithEnvelope()
    {
        var to = _host.NewAddress("bob");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alice@sender.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Hello";
        message.Body = new TextPart("plain") { Text = "Hi Bob" };
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _host.SmtpPort, MailKit.Security.SecureSocketOptions.None, TestContext.Current.CancellationToken);

        await client.SendAsync(message, TestContext.Current.CancellationToken);

        // No wait: the 250 came after the commit.
        var stored = Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(to));
        Assert.Equal("Hello", stored.View.Subject);
        Assert.Equal("alice@sender.test", stored.Envelope.MailFrom);
        Assert.Equal("Hi Bob", stored.View.Text?.TrimEnd());
        Assert.False(stored.Envelope.Tls);
        Assert.StartsWith("127.0.0.1:", stored.Envelope.RemoteEndPoint, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(stored.Envelope.Helo));
        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Send_BodyLineStartingWithDot_RawBytesEqualWhatClientWrote()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("a@x.test"));
        message.To.Add(MailboxAddress.Parse(_host.NewAddress()));
        message.Subject = "dots";
        message.Body = new TextPart("plain") { Text = ".starts with a dot\r\n..two dots\r\n.\r\nend" };
        using var expected = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, expected, TestContext.Current.CancellationToken);
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _host.SmtpPort, MailKit.Security.SecureSocketOptions.None, TestContext.Current.CancellationToken);

        await client.SendAsync(message, TestContext.Current.CancellationToken);

        var stored = Assert.Single(_host.Store.NewestFirst(), m => m.View.Subject == "dots");
        var bytes = expected.ToArray();
        if (!bytes.AsSpan().EndsWith("\r\n"u8))
        {
            bytes = [.. bytes, (byte)'\r', (byte)'\n'];
        }

        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(stored.Raw.Span));
    }
}
