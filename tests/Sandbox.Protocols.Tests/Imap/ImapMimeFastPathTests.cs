using System.Text;
using Sandbox.Protocols.Imap;
using Sandbox.Protocols.Imap.Mime;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>
/// The fast paths (the raw scan of <see cref="ImapMimeScanner"/>, the strict Content-Type,
/// Content-Disposition and address readers) against the MimeKit path they shortcut: wherever
/// the scan answers, ENVELOPE, BODYSTRUCTURE, BODY and the part tree are byte for byte the same.
/// </summary>
public class ImapMimeFastPathTests
{
    [Fact]
    public void Build_Corpus_EqualsMimeKitPath()
    {
        foreach (var (name, bytes) in ImapTestData.Corpus())
        {
            Assert.True(Render(bytes, ImapStructureBuilder.BuildWithMimeKit(bytes)) == Render(bytes, ImapStructureBuilder.Build(bytes)), name);
        }
    }

    [Fact]
    public void Build_GeneratedMessages_EqualMimeKitPath()
    {
        var fast = 0;
        for (var seed = 0; seed < 5_000; seed++)
        {
            var text = new ImapMimeSamples(seed).Message();
            var bytes = seed % 5 == 4 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
            fast += ImapMimeScanner.TryBuild(bytes) is null ? 0 : 1;

            var expected = Render(bytes, ImapStructureBuilder.BuildWithMimeKit(bytes));
            var actual = Render(bytes, ImapStructureBuilder.Build(bytes));

            Assert.True(expected == actual, $"seed {seed}:\n{text}\nMimeKit: {expected}\nfast:    {actual}");
        }

        // Most generated messages are meant to leave the fast path; a fair share must take it.
        Assert.InRange(fast, 1_000, 4_000);
    }

    [Theory]
    [InlineData("From: Sender <s@x.test>\r\nTo: r@x.test\r\nSubject: plain\r\n\r\nbody\r\n")]
    [InlineData("From: s@x.test\r\nContent-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nt\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>h</p>\r\n--b--\r\n")]
    [InlineData("From: s@x.test\r\nContent-Type: message/rfc822\r\n\r\nFrom: inner@x.test\r\nSubject: inner\r\n\r\ninner body\r\n")]
    public void TryBuild_PlainMessage_TakesFastPath(string message)
    {
        var bytes = Encoding.ASCII.GetBytes(message);

        var node = ImapMimeScanner.TryBuild(bytes);

        Assert.NotNull(node);
        Assert.Equal(Render(bytes, ImapStructureBuilder.BuildWithMimeKit(bytes)), Render(bytes, node));
    }

    [Theory]
    [InlineData("From: s@x.test\r\nContent-Type: text/plain (comment)\r\n\r\nbody\r\n")]
    [InlineData("From: s@x.test\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b \r\n\r\nbody\r\n--b--\r\n")]
    [InlineData("From: s@x.test\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nbody\r\n")]
    [InlineData("From: s@x.test\r\nContent-Type: multipart/digest; boundary=b\r\n\r\n--b\r\n\r\nFrom: a@b\r\n\r\nx\r\n--b--\r\n")]
    [InlineData("From s@x.test Sat Jan  3 01:05:34 1996\r\nFrom: s@x.test\r\n\r\nbody\r\n")]
    [InlineData("From: s@x.test\nSubject: LF only\n\nbody\n")]
    public void TryBuild_UnusualMessage_LeavesItToMimeKit(string message)
    {
        var node = ImapMimeScanner.TryBuild(Encoding.ASCII.GetBytes(message));

        Assert.Null(node);
    }

    private static string Render(byte[] raw, ImapMessageNode node)
    {
        var w = new ImapResponseWriter();
        EnvelopeWriter.Write(w, raw, node.Headers);
        w.Raw("\r\n"u8);
        BodyStructureWriter.Write(w, raw, node.Body, extensible: true);
        w.Raw("\r\n"u8);
        BodyStructureWriter.Write(w, raw, node.Body, extensible: false);
        var tree = new StringBuilder();
        Tree(tree, node);
        return Encoding.Latin1.GetString(w.Written.Span) + "\r\n" + tree;
    }

    // The byte ranges section fetches use (BODY[n], HEADER, TEXT, MIME).
    private static void Tree(StringBuilder sb, ImapMessageNode message)
    {
        sb.Append($"M[{message.Begin},{message.BodyStart},{message.End}](");
        Tree(sb, message.Body);
        sb.Append(')');
    }

    private static void Tree(StringBuilder sb, ImapBodyPart part)
    {
        sb.Append($"P[{part.Begin},{part.BodyStart},{part.End},{part.IsMultipart}]");
        if (part.Embedded is { } embedded)
        {
            Tree(sb.Append('{'), embedded);
            sb.Append('}');
        }

        foreach (var child in part.Children)
        {
            Tree(sb.Append('<'), child);
            sb.Append('>');
        }
    }
}
