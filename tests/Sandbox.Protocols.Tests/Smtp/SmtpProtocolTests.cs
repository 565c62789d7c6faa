using System.Text;
using Sandbox.Protocols.Tests.Support;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Smtp;

/// <summary>Byte-level SMTP behaviour over a raw socket.</summary>
public class SmtpProtocolTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await SandboxHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Smtp:MaxMessageSize"] = "20000", ["Sandbox:Smtp:MaxRecipients"] = "5" });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Data_FirstLineStartingWithDot_IsUnstuffed()
    {
        await using var smtp = await SmtpRawClient.ConnectAsync(_host.SmtpPort, Ct);
        var rcpt = _host.NewAddress();
        await smtp.CommandAsync("EHLO raw.test", Ct);
        await smtp.CommandAsync("MAIL FROM:<a@x.test>", Ct);
        await smtp.CommandAsync($"RCPT TO:<{rcpt}>", Ct);
        Assert.StartsWith("354", await smtp.CommandAsync("DATA", Ct), StringComparison.Ordinal);

        await smtp.SendAsync("..first: header-looking line\r\nSubject: x\r\n\r\n..body\r\n.\r\n", Ct);
        var reply = await smtp.ReadReplyAsync(Ct);

        Assert.StartsWith("250", reply, StringComparison.Ordinal);
        var stored = Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(rcpt));
        Assert.Equal(".first: header-looking line\r\nSubject: x\r\n\r\n.body\r\n", Encoding.ASCII.GetString(stored.Raw.Span));
        Assert.Equal("raw.test", stored.Envelope.Helo);
    }

    [Fact]
    public async Task Data_Empty_Gets554AndSessionContinues()
    {
        await using var smtp = await SmtpRawClient.ConnectAsync(_host.SmtpPort, Ct);
        await smtp.CommandAsync("EHLO raw.test", Ct);
        await smtp.CommandAsync("MAIL FROM:<a@x.test>", Ct);
        await smtp.CommandAsync("RCPT TO:<empty@x.test>", Ct);
        await smtp.CommandAsync("DATA", Ct);
        var before = _host.Store.Count;

        var reply = await smtp.CommandAsync(".", Ct);

        Assert.StartsWith("554", reply, StringComparison.Ordinal);
        Assert.Equal(before, _host.Store.Count);
        Assert.StartsWith("250", await smtp.CommandAsync("NOOP", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_SizeParameterOverLimit_Gets552()
    {
        await using var smtp = await SmtpRawClient.ConnectAsync(_host.SmtpPort, Ct);
        var ehlo = await smtp.CommandAsync("EHLO raw.test", Ct);

        var reply = await smtp.CommandAsync("MAIL FROM:<a@x.test> SIZE=20001", Ct);

        Assert.Contains("SIZE 20000", ehlo, StringComparison.Ordinal);
        Assert.StartsWith("552", reply, StringComparison.Ordinal);
        Assert.StartsWith("250", await smtp.CommandAsync("NOOP", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_OverLimitWithoutSize_Gets552NothingStoredSessionWorks()
    {
        await using var smtp = await SmtpRawClient.ConnectAsync(_host.SmtpPort, Ct);
        var rcpt = _host.NewAddress();
        await smtp.CommandAsync("EHLO raw.test", Ct);
        await smtp.CommandAsync("MAIL FROM:<a@x.test>", Ct);
        await smtp.CommandAsync($"RCPT TO:<{rcpt}>", Ct);
        await smtp.CommandAsync("DATA", Ct);
        var line = new string('x', 998) + "\r\n";

        await smtp.SendAsync("Subject: big\r\n\r\n" + string.Concat(Enumerable.Repeat(line, 40)) + ".\r\n", Ct);
        var reply = await smtp.ReadReplyAsync(Ct);

        Assert.StartsWith("552", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(rcpt));
        Assert.StartsWith("250", await smtp.CommandAsync("RSET", Ct), StringComparison.Ordinal);
        await smtp.CommandAsync("MAIL FROM:<a@x.test>", Ct);
        await smtp.CommandAsync($"RCPT TO:<{rcpt}>", Ct);
        await smtp.CommandAsync("DATA", Ct);
        Assert.StartsWith("250", await smtp.CommandAsync("Subject: small\r\n\r\nok\r\n.", Ct), StringComparison.Ordinal);
        Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(rcpt));
    }

    [Fact]
    public async Task Rcpt_BeyondLimit_Gets452AndAcceptedRecipientsGetTheMail()
    {
        await using var smtp = await SmtpRawClient.ConnectAsync(_host.SmtpPort, Ct);
        await smtp.CommandAsync("EHLO raw.test", Ct);
        await smtp.CommandAsync("MAIL FROM:<a@x.test>", Ct);
        var replies = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            replies.Add(await smtp.CommandAsync($"RCPT TO:<r{i}-limit@x.test>", Ct));
        }

        await smtp.CommandAsync("DATA", Ct);
        var reply = await smtp.CommandAsync("Subject: many\r\n\r\nhi\r\n.", Ct);

        Assert.All(replies.Take(5), r => Assert.StartsWith("250", r, StringComparison.Ordinal));
        Assert.All(replies.Skip(5), r => Assert.StartsWith("452", r, StringComparison.Ordinal));
        Assert.StartsWith("250", reply, StringComparison.Ordinal);
        var stored = Assert.Single(_host.Store.NewestFirst(), m => m.View.Subject == "many");
        Assert.Equal(5, stored.Envelope.RcptTo.Count);
    }

    [Fact]
    public async Task Data_HeaderFieldOverLimit_Gets552NothingStored()
    {
        await using var host = await SandboxHost.StartAsync(cancellationToken: Ct);
        await using var client = await SmtpRawClient.ConnectAsync(host.SmtpPort, Ct);
        await client.CommandAsync("EHLO raw.test", Ct);
        await client.CommandAsync("MAIL FROM:<a@x.test>", Ct);
        await client.CommandAsync("RCPT TO:<b@x.test>", Ct);
        await client.CommandAsync("DATA", Ct);
        var folded = "X-Big: start\r\n" + string.Concat(Enumerable.Repeat(" " + new string('y', 900) + "\r\n", 80));

        var reply = await client.CommandAsync(folded + "Subject: s\r\n\r\nbody\r\n.", Ct);

        Assert.StartsWith("552", reply, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.Count);
        Assert.StartsWith("250", await client.CommandAsync("NOOP", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_InteriorBareLfDot_IsNotEndOfData()
    {
        await using var smtp = await SmtpRawClient.ConnectAsync(_host.SmtpPort, Ct);
        var rcpt = _host.NewAddress();
        await smtp.CommandAsync("EHLO raw.test", Ct);
        await smtp.CommandAsync("MAIL FROM:<a@x.test>", Ct);
        await smtp.CommandAsync($"RCPT TO:<{rcpt}>", Ct);
        await smtp.CommandAsync("DATA", Ct);

        await smtp.SendAsync("Subject: lf\r\n\r\na\n.\nb\r.\rc\n.\r\nd\r\n.\r\n", Ct);
        var reply = await smtp.ReadReplyAsync(Ct);

        Assert.StartsWith("250", reply, StringComparison.Ordinal);
        var stored = Assert.Single(_host.Store.NewestFirst(), m => m.Envelope.RcptTo.Contains(rcpt));
        Assert.Equal("Subject: lf\r\n\r\na\n.\nb\r.\rc\n.\r\nd\r\n", Encoding.ASCII.GetString(stored.Raw.Span));
    }
}
