using Sandbox.Core.Messages;

namespace Sandbox.Core.Tests.Store;

public class EnvelopePoolTests
{
    [Fact]
    public void Add_EqualEnvelopesBuiltApart_ShareOneEnvelope()
    {
        var store = TestMessages.NewStore();

        var first = store.Add("Subject: a\r\n\r\nx\r\n"u8.ToArray(), Fresh("app@x.test", "bob@x.test"), Sandbox.Core.Mime.MessageView.Empty)!;
        var second = store.Add("Subject: b\r\n\r\ny\r\n"u8.ToArray(), Fresh("app@x.test", "bob@x.test"), Sandbox.Core.Mime.MessageView.Empty)!;

        Assert.Same(first.Envelope, second.Envelope);
    }

    [Fact]
    public void Add_DifferentEnvelopes_KeepTheirValues()
    {
        var store = TestMessages.NewStore();
        var envelope = Fresh("app@x.test", "bob@x.test", "carol@x.test") with { RemoteEndPoint = "127.0.0.1:5000", Helo = "client.test", Tls = true, AuthUser = "u" };

        var stored = store.Add("Subject: a\r\n\r\nx\r\n"u8.ToArray(), envelope, Sandbox.Core.Mime.MessageView.Empty)!;
        var other = store.Add("Subject: b\r\n\r\ny\r\n"u8.ToArray(), Fresh("app@x.test", "bob@x.test"), Sandbox.Core.Mime.MessageView.Empty)!;

        Assert.Equal("app@x.test", stored.Envelope.MailFrom);
        Assert.Equal(["bob@x.test", "carol@x.test"], stored.Envelope.RcptTo);
        Assert.Equal("127.0.0.1:5000", stored.Envelope.RemoteEndPoint);
        Assert.Equal("client.test", stored.Envelope.Helo);
        Assert.True(stored.Envelope.Tls);
        Assert.Equal("u", stored.Envelope.AuthUser);
        Assert.Equal(["bob@x.test"], other.Envelope.RcptTo);
        Assert.False(other.Envelope.Tls);
    }

    [Fact]
    public void Id_FormattedOnAccess_IsValidityAndSeqInHex()
    {
        var store = TestMessages.NewStore();

        var stored = store.Add("Subject: a\r\n\r\nx\r\n"u8.ToArray(), Fresh("app@x.test", "bob@x.test"), Sandbox.Core.Mime.MessageView.Empty)!;

        Assert.Equal($"{store.UidValidity:x8}{stored.Seq:x8}", stored.Id);
        Assert.Same(stored, store.Get(stored.Id));
    }

    /// <summary>An envelope with strings built at run time, as the SMTP adapter builds them.</summary>
    private static MessageEnvelope Fresh(string mailFrom, params string[] rcptTo) => new()
    {
        MailFrom = string.Concat(mailFrom.AsSpan(0, 1), mailFrom.AsSpan(1)),
        RcptTo = [.. rcptTo.Select(r => string.Concat(r.AsSpan(0, 1), r.AsSpan(1)))],
    };
}
