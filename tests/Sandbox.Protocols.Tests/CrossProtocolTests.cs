using System.Net.Http.Json;
using System.Text.Json;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MimeKit;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests;

/// <summary>One store, every protocol: what one protocol does, the others see.</summary>
public class CrossProtocolTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SandboxHost.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Pop3DeleQuit_ImapSessionInIdle_SeesExpunge()
    {
        var user = _host.NewAddress("cross");
        await SendAsync(user, "to be popped");
        using var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", _host.ImapPort, MailKit.Security.SecureSocketOptions.None, Ct);
        await imap.AuthenticateAsync(user, "pw", Ct);
        await imap.Inbox.OpenAsync(FolderAccess.ReadWrite, Ct);
        Assert.Equal(1, imap.Inbox.Count);
        var expunged = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        imap.Inbox.MessageExpunged += (_, e) => expunged.TrySetResult(e.Index);
        using var done = new CancellationTokenSource();
        var idle = imap.IdleAsync(done.Token, Ct);

        using (var pop = new Pop3Client())
        {
            await pop.ConnectAsync("127.0.0.1", _host.Pop3Port, MailKit.Security.SecureSocketOptions.None, Ct);
            await pop.AuthenticateAsync(user, "pw", Ct);
            await pop.DeleteMessageAsync(0, Ct);
            await pop.DisconnectAsync(true, Ct);
        }

        var index = await expunged.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await done.CancelAsync();
        await idle;
        Assert.Equal(0, index);
        Assert.Equal(0, imap.Inbox.Count);
        Assert.DoesNotContain(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(user));
    }

    [Fact]
    public async Task ImapAppendToSent_AppearsOverRestWithItsFolder()
    {
        var user = _host.NewAddress("writer");
        using var imap = new ImapClient();
        await imap.ConnectAsync("127.0.0.1", _host.ImapPort, MailKit.Security.SecureSocketOptions.None, Ct);
        await imap.AuthenticateAsync(user, "pw", Ct);
        var sent = await imap.GetFolderAsync("Sent", Ct);
        var draft = new MimeMessage();
        draft.From.Add(MailboxAddress.Parse(user));
        draft.To.Add(MailboxAddress.Parse("someone@x.test"));
        draft.Subject = "saved by a mail client";
        draft.Body = new TextPart("plain") { Text = "sent copy" };

        await sent.AppendAsync(new AppendRequest(draft, MessageFlags.Seen), Ct);

        var list = await _host.Http.GetFromJsonAsync<JsonElement>("/api/v1/messages?subject=saved%20by%20a%20mail%20client", Ct);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("Sent", item.GetProperty("folder").GetString());
        Assert.Equal(user, item.GetProperty("owner").GetString());
        Assert.True(item.GetProperty("read").GetBoolean());
    }

    private async Task SendAsync(string to, string subject)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", _host.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("app@x.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "hello" };
        await smtp.SendAsync(message, Ct);
        await smtp.DisconnectAsync(true, Ct);
    }
}
