using MimeKit;
using Sandbox.Core.Ingest;
using Sandbox.Core.Mime;

namespace Sandbox.Core.Tests.Mime;

/// <summary>
/// The view computes headers, bodies and the snippet on demand from the raw bytes; they must
/// equal what MimeKit gives for the same bytes (what the view kept before it was lazy).
/// </summary>
public class MessageViewLazyTests
{
    private static readonly IngestLimits Limits = new();

    public static TheoryData<string> Corpus => LazyViewCorpus.Names();

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Text_Corpus_EqualsMimeKitText(string name)
    {
        var raw = LazyViewCorpus.Get(name);

        var view = MessageViewBuilder.Build(raw, Limits);

        Assert.Equal(Expected(raw).Text, view.Text);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Html_Corpus_EqualsMimeKitText(string name)
    {
        var raw = LazyViewCorpus.Get(name);

        var view = MessageViewBuilder.Build(raw, Limits);

        Assert.Equal(Expected(raw).Html, view.Html);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Headers_Corpus_EqualMimeKitHeaders(string name)
    {
        var raw = LazyViewCorpus.Get(name);

        var view = MessageViewBuilder.Build(raw, Limits);

        Assert.Equal(Expected(raw).Headers, view.Headers.Select(h => (h.Name, h.Value)));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void LinksAndCodes_Corpus_EqualExtractorsOnMimeKitText(string name)
    {
        var raw = LazyViewCorpus.Get(name);
        var (text, html, _) = Expected(raw);

        var view = MessageViewBuilder.Build(raw, Limits);

        Assert.Equal(LinkExtractor.Extract(text, html), view.Links);
        Assert.Equal(CodeExtractor.Extract(text, html), view.Codes);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void MessageIdHeader_Corpus_EqualsMimeKitMessageId(string name)
    {
        var raw = LazyViewCorpus.Get(name);

        var view = MessageViewBuilder.Build(raw, Limits);

        Assert.Equal(MimeMessage.Load(new MemoryStream(raw), TestContext.Current.CancellationToken).MessageId, view.MessageIdHeader);
    }

    [Fact]
    public void MessageIdHeader_Present_ReadFromRaw()
    {
        var raw = LazyViewCorpus.Get("imap/01-plain.eml");

        var view = MessageViewBuilder.Build(raw, Limits);

        Assert.True(view.MessageIdFromRaw);
        Assert.NotNull(view.MessageIdHeader);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Snippet_Corpus_EqualsSnippetOfFullText(string name)
    {
        var raw = LazyViewCorpus.Get(name);
        var (text, html, _) = Expected(raw);

        var view = MessageViewBuilder.Build(raw, Limits);

        Assert.Equal(ReferenceSnippet(text ?? HtmlText.ToPlainText(html)), view.Snippet);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void BodyContains_Corpus_AgreesWithStringContains(string name)
    {
        var raw = LazyViewCorpus.Get(name);
        var (text, html, _) = Expected(raw);
        var view = MessageViewBuilder.Build(raw, Limits);

        foreach (var needle in Needles(text).Concat(Needles(html)))
        {
            var expected = (text?.Contains(needle, StringComparison.OrdinalIgnoreCase) ?? false)
                || (html?.Contains(needle, StringComparison.OrdinalIgnoreCase) ?? false);
            Assert.True(expected == view.BodyContains(needle), $"'{needle}': expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void HasHeader_Corpus_AgreesWithHeaderList(string name)
    {
        var raw = LazyViewCorpus.Get(name);
        var view = MessageViewBuilder.Build(raw, Limits);
        var headers = view.Headers;

        foreach (var (field, value) in HeaderNeedles(headers))
        {
            var expected = headers.Any(h => h.Name.Equals(field, StringComparison.OrdinalIgnoreCase) && h.Value.Contains(value, StringComparison.OrdinalIgnoreCase));
            Assert.True(expected == view.HasHeader(field, value), $"'{field}: {value}': expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void AnyHeaderContains_Corpus_AgreesWithHeaderList(string name)
    {
        var raw = LazyViewCorpus.Get(name);
        var view = MessageViewBuilder.Build(raw, Limits);
        var headers = view.Headers;

        foreach (var needle in HeaderNeedles(headers).SelectMany(n => new[] { n.Name, n.Value }))
        {
            var expected = headers.Any(h => h.Value.Contains(needle, StringComparison.OrdinalIgnoreCase) || h.Name.Contains(needle, StringComparison.OrdinalIgnoreCase));
            Assert.True(expected == view.AnyHeaderContains(needle), $"'{needle}': expected {expected}");
        }
    }

    [Theory]
    [InlineData("imap/01-plain.eml")]
    [InlineData("imap/02-alternative-attachment.eml")]
    [InlineData("imap/04-smtputf8-subject.eml")]
    [InlineData("imap/05-no-content-type.eml")]
    [InlineData("imap/09-raw-8bit-subject.eml")]
    [InlineData("qp-utf8")]
    [InlineData("base64-utf8-html")]
    [InlineData("latin1-8bit")]
    [InlineData("windows-1252")]
    [InlineData("no-charset-8bit-invalid-utf8")]
    [InlineData("qp-utf8 (LF)")]
    public void Build_CommonEncodings_KeepNoBodyString(string name)
    {
        var raw = LazyViewCorpus.Get(name);

        var view = MessageViewBuilder.Build(raw, Limits);

        Assert.True(!view.TextBody.IsPresent || view.TextBody.IsLazy, "text body kept as a string");
        Assert.True(!view.HtmlBody.IsPresent || view.HtmlBody.IsLazy, "HTML body kept as a string");
    }

    [Theory]
    [InlineData("imap/01-plain.eml", "no-such-token", false)]
    [InlineData("imap/01-plain.eml", "SUBJECT", true)]
    [InlineData("qp-utf8", "no-such-token", true)]
    [InlineData("header-bare-cr", "no-such-token", true)]
    [InlineData("case-folding", "no-such-token", true)]
    [InlineData("imap/01-plain.eml", "\u0131", true)]
    public void MayContain_RawHeaderBlock_RulesOutOnlyWhenSafe(string name, string value, bool expected)
    {
        var raw = LazyViewCorpus.Get(name);

        Assert.Equal(expected, HeaderBlock.MayContain(raw, HeaderBlock.Scan(raw), value));
    }

    [Theory]
    [InlineData("imap/01-plain.eml", true)]
    [InlineData("imap/02-alternative-attachment.eml", true)]
    [InlineData("imap/08-quotes-folding.eml", true)]
    [InlineData("imap/01-plain.eml (LF)", true)]
    [InlineData("latin1-8bit", false)]
    [InlineData("qp-utf8", false)]
    [InlineData("header-bare-cr", false)]
    public void Build_HeaderBlock_ReadWithoutMimeKitOnlyWhenSimple(string name, bool exact)
    {
        var view = MessageViewBuilder.Build(LazyViewCorpus.Get(name), Limits);

        Assert.Equal(exact, view.HeadersExact);
    }

    [Fact]
    public void Build_UuencodedBody_KeepsTextAsString()
    {
        var view = MessageViewBuilder.Build(LazyViewCorpus.Get("uuencode"), Limits);

        Assert.True(view.TextBody.IsPresent);
        Assert.False(view.TextBody.IsLazy);
    }

    [Fact]
    public void Build_TooManyParts_HeadersWithContentFieldsParsedOnDemand()
    {
        var raw = LazyViewCorpus.Get("nested-inner-bodies");
        var all = HeaderList.Load(new MemoryStream(raw), TestContext.Current.CancellationToken).Select(h => (h.Field, h.Value));

        var view = MessageViewBuilder.Build(raw, Limits with { MaxMimeParts = 2 });

        Assert.Null(view.Text);
        Assert.Equal(all, view.Headers.Select(h => (h.Name, h.Value)));
        Assert.Contains(view.Headers, h => h.Name == "Content-Type");
    }

    [Fact]
    public void InitProperties_ViewWithoutRaw_ReturnsWhatWasSet()
    {
        var view = new MessageView { Text = "Some  text", Html = "<p>x</p>", Headers = [new HeaderField("A", "b")] };

        Assert.Equal("Some  text", view.Text);
        Assert.Equal("<p>x</p>", view.Html);
        Assert.Equal("b", Assert.Single(view.Headers).Value);
        Assert.True(view.BodyContains("SOME"));
        Assert.Empty(MessageView.Empty.Headers);
    }

    [Theory]
    [InlineData("text/plain", "7bit", "a\r\nlone\rCR\r\n\r\ntrailing CR\r")]
    [InlineData("text/plain; charset=us-ascii", "7bit", "line\r\n\r\n\r\n")]
    [InlineData("text/plain; charset=UTF-8", "8bit", "ascii only\r\n\tindented\r\n.")]
    [InlineData("text/plain; charset=iso-8859-1", "binary", "x\r\r\ny\r\n")]
    [InlineData("text/plain; charset=windows-1252", "", "no transfer encoding header\r\n")]
    public void Text_AsciiFastPath_EqualsMimeKitTextAndSnippet(string contentType, string encoding, string body)
    {
        var header = $"From: a@x.test\r\nTo: b@x.test\r\nSubject: ascii\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\n"
            + (encoding.Length > 0 ? $"Content-Transfer-Encoding: {encoding}\r\n" : "") + "\r\n";
        var raw = System.Text.Encoding.ASCII.GetBytes(header + body + "\r\n");

        var view = MessageViewBuilder.Build(raw, Limits);

        var expected = Expected(raw).Text;
        Assert.Equal(expected, view.Text);
        Assert.Equal(ReferenceSnippet(expected), view.Snippet);
    }

    /// <summary>What the view kept before it was lazy: MimeKit's text of the chosen parts, and its header list.</summary>
    private static (string? Text, string? Html, List<(string, string)> Headers) Expected(byte[] raw)
    {
        var message = MimeMessage.Load(new MemoryStream(raw));
        TextPart? text = null;
        TextPart? html = null;
        foreach (var (_, entity, _) in MimeTree.Leaves(message))
        {
            if (entity is TextPart part && !part.IsAttachment && part.FileName is null)
            {
                if (part.IsPlain && !part.IsHtml && text is null)
                {
                    text = part;
                }
                else if (part.IsHtml && html is null)
                {
                    html = part;
                }
            }
        }

        return (text?.Text, html?.Text, message.Headers.Select(h => (h.Field, h.Value)).ToList());
    }

    /// <summary>The snippet rule as it was written before the view became lazy.</summary>
    private static string ReferenceSnippet(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new System.Text.StringBuilder();
        var lastWasSpace = true;
        foreach (var c in text)
        {
            if (sb.Length >= 200)
            {
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(c);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// Each header with pieces of its value (whole, upper-cased, around each white-space run,
    /// so across folds), an empty value, and misses: an absent name, an absent value, and
    /// characters that fold to ASCII letters under ordinal ignore-case.
    /// </summary>
    private static IEnumerable<(string Name, string Value)> HeaderNeedles(IReadOnlyList<HeaderField> headers)
    {
        yield return ("X-Absent", "");
        yield return ("Subject", "no such subject");
        yield return ("Subject", "\u0131");
        yield return ("Subject", "\u017F");
        foreach (var header in headers)
        {
            var v = header.Value;
            yield return (header.Name.ToUpperInvariant(), "");
            yield return (header.Name, v);
            yield return (header.Name, v.ToUpperInvariant());
            yield return (header.Name, v + "x");
            for (var i = 0; i < v.Length; i++)
            {
                if (char.IsWhiteSpace(v[i]) && (i == 0 || !char.IsWhiteSpace(v[i - 1])))
                {
                    var start = Math.Max(0, i - 3);
                    yield return (header.Name, v[start..Math.Min(v.Length, i + 5)]);
                }
            }
        }
    }

    /// <summary>Pieces of the body (changed case, across line ends, near the end) and misses.</summary>
    private static IEnumerable<string> Needles(string? body)
    {
        yield return "no such words";
        yield return "ı";
        yield return "i";
        yield return "s";
        yield return "strasse";
        yield return "kelvin";
        if (string.IsNullOrEmpty(body))
        {
            yield break;
        }

        foreach (var (start, length) in new[] { (0, 5), (body.Length / 2, 12), (Math.Max(0, body.Length - 7), 7) })
        {
            var piece = body.Substring(Math.Min(start, body.Length), Math.Min(length, body.Length - Math.Min(start, body.Length)));
            yield return piece;
            yield return piece.ToUpperInvariant();
        }

        var newline = body.IndexOf('\n', StringComparison.Ordinal);
        if (newline > 0)
        {
            yield return body.Substring(newline - 1, Math.Min(3, body.Length - newline + 1));
            yield return body[(newline - 1)..newline] + "\r\n";
        }
    }
}
