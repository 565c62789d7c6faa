using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>
/// For every corpus message, the ENVELOPE and BODYSTRUCTURE MailKit parses from our responses
/// equal what MimeKit derives from the same bytes (types, parameters, sizes, lines, addresses).
/// </summary>
public class ImapStructureParityTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Corpus_BodyStructureAndEnvelope_MatchMimeKit()
    {
        var corpus = ImapTestData.Corpus();
        await using (var raw = await ImapRawClient.ConnectAsync(_host.ImapPort, "parity"))
        {
            var n = 0;
            foreach (var (_, bytes) in corpus)
            {
                await ImapTestData.AppendAsync(raw, $"p{n++}", "Drafts", bytes);
            }
        }

        using var imap = new ImapClient(ImapTestData.Logger());
        await imap.ConnectAsync("127.0.0.1", _host.ImapPort, SecureSocketOptions.None, Ct);
        await imap.AuthenticateAsync("parity", "x", Ct);
        var drafts = imap.GetFolder(SpecialFolder.Drafts)!;
        await drafts.OpenAsync(FolderAccess.ReadOnly, Ct);

        var summaries = await drafts.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.BodyStructure | MessageSummaryItems.Size, Ct);

        Assert.Equal(corpus.Count, summaries.Count);
        for (var i = 0; i < corpus.Count; i++)
        {
            var (name, bytes) = corpus[i];
            var expected = MimeMessage.Load(new MemoryStream(bytes), Ct);
            Assert.Equal(bytes.Length, (int)summaries[i].Size!.Value);
            CompareEnvelope(name, expected, summaries[i].Envelope!);
            ComparePart(name, expected.Body!, summaries[i].Body!);
        }
    }

    private static void CompareEnvelope(string name, MimeMessage expected, Envelope actual)
    {
        Assert.True((expected.Subject ?? "") == (actual.Subject ?? ""), $"{name}: subject '{expected.Subject}' vs '{actual.Subject}'");
        Assert.Equal(Mailboxes(expected.From), Mailboxes(actual.From));
        Assert.Equal(Mailboxes(expected.To), Mailboxes(actual.To));
        Assert.Equal(Mailboxes(expected.Cc), Mailboxes(actual.Cc));
        Assert.Equal(expected.MessageId, actual.MessageId);
    }

    private static string[] Mailboxes(InternetAddressList list) =>
        [.. list.Mailboxes.Select(m => $"{m.Name}|{m.Address}".ToUpperInvariant())];

    private static void ComparePart(string name, MimeEntity expected, BodyPart actual)
    {
        Assert.True(expected.ContentType.MimeType.Equals(actual.ContentType.MimeType, StringComparison.OrdinalIgnoreCase), $"{name}: {expected.ContentType.MimeType} vs {actual.ContentType.MimeType}");
        foreach (var parameter in expected.ContentType.Parameters)
        {
            Assert.Equal(parameter.Value, actual.ContentType.Parameters[parameter.Name]);
        }

        switch (expected, actual)
        {
            case (Multipart multipart, BodyPartMultipart parts):
                Assert.Equal(multipart.Count, parts.BodyParts.Count);
                for (var i = 0; i < multipart.Count; i++)
                {
                    ComparePart(name, multipart[i], parts.BodyParts[i]);
                }

                break;
            case (MessagePart message, BodyPartMessage inner):
                Assert.Equal(message.Message!.Subject, inner.Envelope!.Subject);
                ComparePart(name, message.Message.Body!, inner.Body!);
                break;
            case (MimePart part, BodyPartBasic basic):
                var content = ContentBytes(part);
                Assert.True(content.Length == basic.Octets, $"{name}: {part.ContentType.MimeType} size {content.Length} vs {basic.Octets}");
                if (basic is BodyPartText text)
                {
                    Assert.Equal((uint)content.Count(b => b == (byte)'\n'), text.Lines);
                }

                Assert.Equal(part.ContentDisposition?.FileName, basic.ContentDisposition?.FileName);
                break;
            default:
                Assert.Fail($"{name}: {expected.GetType().Name} came back as {actual.GetType().Name}");
                break;
        }
    }

    private static byte[] ContentBytes(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content?.WriteTo(stream);
        return stream.ToArray();
    }
}
