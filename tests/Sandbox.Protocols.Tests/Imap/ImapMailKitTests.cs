using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;
using Sandbox.Testing;
using SmtpClient = MailKit.Net.Smtp.SmtpClient;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>The flow real MailKit performs against the IMAP listener, with the protocol log in the test output.</summary>
public class ImapMailKitTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MailKit_FullFlow_Works()
    {
        var to = _host.NewAddress();
        await SendAsync(to, "First", withAttachment: false);
        await SendAsync(to, "Second", withAttachment: true);
        using var imap = await ConnectAsync(to);
        Assert.Single(imap.PersonalNamespaces);
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, Ct);
        Assert.Equal(2, inbox.Count);

        var summaries = await inbox.FetchAsync(0, -1, MessageSummaryItems.All | MessageSummaryItems.BodyStructure | MessageSummaryItems.UniqueId | MessageSummaryItems.References, Ct);

        Assert.Equal(["First", "Second"], summaries.Select(s => s.Envelope!.Subject));
        var second = summaries[1];
        var attachment = Assert.Single(second.Attachments);
        Assert.Equal("data.bin", attachment.FileName);
        Assert.NotNull(second.TextBody);
        var part = (MimePart)await inbox.GetBodyPartAsync(second.UniqueId, attachment, Ct);
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content, Ct);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, content.ToArray());
        var text = (TextPart)await inbox.GetBodyPartAsync(second.UniqueId, second.TextBody!, Ct);
        Assert.Contains("Body of Second", text.Text, StringComparison.Ordinal);
        var message = await inbox.GetMessageAsync(second.UniqueId, Ct);
        Assert.Equal("Second", message.Subject);
        Assert.False(_host.Store.NewestFirst().Single(m => m.View.Subject == "Second" && m.Envelope.RcptTo.Contains(to)).IsRead);
        await inbox.AddFlagsAsync(second.UniqueId, MessageFlags.Seen, true, Ct);
        Assert.True(_host.Store.NewestFirst().Single(m => m.View.Subject == "Second" && m.Envelope.RcptTo.Contains(to)).IsRead);

        var found = await inbox.SearchAsync(SearchQuery.SubjectContains("Sec"), Ct);
        Assert.Equal([second.UniqueId], found);
        Assert.Equal([summaries[0].UniqueId], await inbox.SearchAsync(SearchQuery.NotSeen, Ct));

        await inbox.AddFlagsAsync(summaries[0].UniqueId, MessageFlags.Flagged, true, Ct);
        Assert.Equal([summaries[0].UniqueId], await inbox.SearchAsync(SearchQuery.Flagged, Ct));
        await imap.DisconnectAsync(true, Ct);
    }

    [Fact]
    public async Task MailKit_MoveToTrashExpungeAndAppendToSent_Work()
    {
        var to = _host.NewAddress();
        await SendAsync(to, "Keep", withAttachment: false);
        await SendAsync(to, "Trash me", withAttachment: false);
        using var imap = await ConnectAsync(to);
        var trash = imap.GetFolder(SpecialFolder.Trash)!;
        var sent = imap.GetFolder(SpecialFolder.Sent)!;
        Assert.Equal("Trash", trash.FullName);
        Assert.Equal("Sent", sent.FullName);
        Assert.NotNull(imap.GetFolder(SpecialFolder.Drafts));
        Assert.NotNull(imap.GetFolder(SpecialFolder.Junk));
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, Ct);
        var uids = await inbox.SearchAsync(SearchQuery.All, Ct);

        var moved = await inbox.MoveToAsync(uids[1], trash, Ct);

        Assert.NotNull(moved);
        Assert.Equal(1, inbox.Count);
        await inbox.AddFlagsAsync(uids[0], MessageFlags.Deleted, true, Ct);
        await inbox.ExpungeAsync(Ct);
        Assert.Equal(0, inbox.Count);
        var outgoing = new MimeMessage();
        outgoing.From.Add(MailboxAddress.Parse(to));
        outgoing.To.Add(MailboxAddress.Parse("someone@example.test"));
        outgoing.Subject = "Sent by the client";
        outgoing.Body = new TextPart("plain") { Text = "sent copy" };
        var appended = await sent.AppendAsync(new AppendRequest(outgoing, MessageFlags.Seen), Ct);
        Assert.NotNull(appended);
        await trash.OpenAsync(FolderAccess.ReadOnly, Ct);
        Assert.Equal("Trash me", (await trash.GetMessageAsync(0, Ct)).Subject);
        await sent.OpenAsync(FolderAccess.ReadOnly, Ct);
        Assert.Equal(1, sent.Count);
        Assert.Equal("Sent by the client", (await sent.GetMessageAsync(appended.Value, Ct)).Subject);
        var created = await imap.GetFolder(imap.PersonalNamespaces[0]).CreateAsync("Projects", true, Ct);
        Assert.NotNull(created);
        Assert.Contains(await imap.GetFolder(imap.PersonalNamespaces[0]).GetSubfoldersAsync(false, Ct), f => f.FullName == created.FullName);
        await imap.DisconnectAsync(true, Ct);
    }

    [Fact]
    public async Task MailKit_Idle_SeesSmtpMessageWithinOneSecond()
    {
        var to = _host.NewAddress();
        using var imap = await ConnectAsync(to);
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, Ct);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        imap.Inbox.CountChanged += (_, _) => arrived.TrySetResult();
        using var done = new CancellationTokenSource();
        var idle = imap.IdleAsync(done.Token, Ct);

        await SendAsync(to, "Pushed", withAttachment: false);

        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(1), Ct);
        await done.CancelAsync();
        await idle;
        Assert.Equal(1, imap.Inbox.Count);
    }

    internal static async Task SendAsync(SandboxHost host, string to, string subject, bool withAttachment)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("sender@example.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        var builder = new BodyBuilder { TextBody = $"Body of {subject}\r\n" };
        if (withAttachment)
        {
            builder.Attachments.Add("data.bin", new byte[] { 1, 2, 3, 4 });
        }

        message.Body = builder.ToMessageBody();
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", host.SmtpPort, SecureSocketOptions.None, Ct);
        await smtp.SendAsync(message, Ct);
        await smtp.DisconnectAsync(true, Ct);
    }

    private Task SendAsync(string to, string subject, bool withAttachment) => SendAsync(_host, to, subject, withAttachment);

    private async Task<ImapClient> ConnectAsync(string user)
    {
        var imap = new ImapClient(ImapTestData.Logger());
        await imap.ConnectAsync("127.0.0.1", _host.ImapPort, SecureSocketOptions.None, Ct);
        await imap.AuthenticateAsync(user, "any password", Ct);
        return imap;
    }
}
