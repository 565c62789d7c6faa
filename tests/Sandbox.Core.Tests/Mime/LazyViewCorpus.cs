using System.Text;

namespace Sandbox.Core.Tests.Mime;

/// <summary>
/// Messages whose bodies and headers the lazy view must reproduce exactly: the IMAP corpus
/// (read from the checkout) plus cases it lacks (transfer encodings, charsets, line ends).
/// Each one also comes with LF-only line ends, as a REST import may store it.
/// </summary>
internal static class LazyViewCorpus
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private static readonly Encoding Windows1252 = CodePage(1252);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All().Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    public static byte[] Get(string name) => All()[name];

    private static Dictionary<string, byte[]> All()
    {
        var all = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(CorpusDirectory(), "*.eml"))
        {
            Add(all, "imap/" + Path.GetFileName(file), File.ReadAllBytes(file));
        }

        foreach (var (name, text, encoding) in Extra())
        {
            Add(all, name, encoding.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)));
        }

        return all;
    }

    private static void Add(Dictionary<string, byte[]> all, string name, byte[] crlf)
    {
        all[name] = crlf;
        var lf = new List<byte>(crlf.Length);
        for (var i = 0; i < crlf.Length; i++)
        {
            if (!(crlf[i] == (byte)'\r' && i + 1 < crlf.Length && crlf[i + 1] == (byte)'\n'))
            {
                lf.Add(crlf[i]);
            }
        }

        all[name + " (LF)"] = [.. lf];
    }

    private static Encoding CodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }

    private static string CorpusDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "Sandbox.Protocols.Tests", "Imap", "Corpus");

    private static IEnumerable<(string Name, string Text, Encoding Encoding)> Extra()
    {
        var longLine = string.Concat(Enumerable.Repeat("Grüße aus Köln – ", 80));
        yield return ("qp-utf8", """
            From: =?utf-8?q?J=C3=BCrgen?= <j@x.test>
            To: a@x.test, "B, C" <b@x.test>
            Subject: =?utf-8?B?w4RwZmVs?= and more
            X-Folded: one
              two	three
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Gr=C3=BC=C3=9Fe, your code is 482913.=20
            A soft=
             break and a long line: =E2=80=93 done
            """, Encoding.ASCII);
        yield return ("base64-utf8-html", $"""
            From: a@x.test
            Subject: b64
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(Encoding.UTF8.GetBytes("Héllo wörld\r\nline two\r\n" + longLine), Base64FormattingOptions.InsertLineBreaks)}
            --b
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            {Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>Héllo <a href=\"https://x.test/a\">wörld</a></p>"), Base64FormattingOptions.InsertLineBreaks)}
            --b--
            """, Encoding.ASCII);
        yield return ("latin1-8bit", "From: a@x.test\nSubject: Räksmörgås\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nHej då, smörgås.\n", Latin1);
        yield return ("latin1-qp-html", "From: a@x.test\nContent-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n<p>Sm=F6rg=E5s</p>\n", Encoding.ASCII);
        yield return ("windows-1252", "From: a@x.test\nContent-Type: text/plain; charset=windows-1252\n\nQuotes \u201chere\u201d \u20ac5\n", Windows1252);
        yield return ("no-charset-8bit-invalid-utf8", "From: a@x.test\nContent-Type: text/plain\n\nCaf\u00e9 in Latin-1 bytes\n", Latin1);
        yield return ("no-content-type-utf8", "From: a@x.test\nSubject: plain\n\nNo MIME headers at all, UTF-8: naïve ✓\n", Encoding.UTF8);
        yield return ("us-ascii-with-8bit", "From: a@x.test\nContent-Type: text/plain; charset=us-ascii\n\nDeclared ASCII but: ü\n", Encoding.UTF8);
        yield return ("unknown-charset", "From: a@x.test\nContent-Type: text/plain; charset=x-no-such-charset\n\nText ü\n", Encoding.UTF8);
        yield return ("utf8-bom", "From: a@x.test\nContent-Type: text/plain\n\n\uFEFFWith a byte order mark\n", Encoding.UTF8);
        yield return ("lone-and-final-cr", "From: a@x.test\nContent-Type: text/plain\n\nline\rwith lone CR\r\r\nand CR CR LF\r", Encoding.ASCII);
        yield return ("uuencode", "From: a@x.test\nContent-Type: text/plain\nContent-Transfer-Encoding: x-uuencode\n\nbegin 644 a.txt\n#86)C\n`\nend\n", Encoding.ASCII);
        yield return ("empty-text-part", "From: a@x.test\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\n--b\nContent-Type: text/html\n\n<b>x</b>\n--b--\n", Encoding.ASCII);
        yield return ("html-only", "From: a@x.test\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>Only   <b>HTML</b> here, code 771234</p></body></html>\n", Encoding.UTF8);
        yield return ("snippet-past-prefix", "From: a@x.test\nContent-Type: text/plain; charset=utf-8\n\n" + new string(' ', 1500) + "\n\n" + longLine, Encoding.UTF8);
        yield return ("snippet-multibyte-at-prefix", "From: a@x.test\nContent-Type: text/plain; charset=utf-8\n\n" + new string('x', 1019) + "€€€€ and more € text " + longLine, Encoding.UTF8);
        yield return ("snippet-qp-at-prefix", "From: a@x.test\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + new string(' ', 1021) + "=E2=82=AC=\n\n" + new string('-', 300), Encoding.ASCII);
        yield return ("snippet-multibyte-at-512", "From: a@x.test\nContent-Type: text/plain; charset=utf-8\n\n" + string.Concat(Enumerable.Repeat(" \u00e9", 170)) + "\u20ac\u20ac tail " + longLine, Encoding.UTF8);
        yield return ("snippet-qp-at-512", "From: a@x.test\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + new string(' ', 509) + "=E2=82=AC=\n\n" + string.Concat(Enumerable.Repeat("w ", 300)), Encoding.ASCII);
        yield return ("snippet-crlf-at-prefix", "From: a@x.test\nContent-Type: text/plain\n\n" + string.Concat(Enumerable.Repeat("a \n", 340)) + "tail", Encoding.ASCII);
        yield return ("case-folding", "From: a@x.test\nSubject: Stra\u017F\u017Fe \u0131n K\u212Aelvin\nX-Ascii: plain value\nContent-Type: text/plain; charset=utf-8\n\nStra\u017F\u017Fe \u0131n \u212Aelvin\n", Encoding.UTF8);
        yield return ("header-bare-cr", "From: a@x.test\nX-Odd: one\rtwo\nX-Folded: alpha\n  beta\tgamma\nSubject: =?us-ascii?q?encoded_word?=\n\nbody\n", Encoding.ASCII);
        yield return ("utf8-invalid-declared", "From: a@x.test\nContent-Type: text/plain; charset=utf-8\n\nBad \u00ffbytes\u00c3A mixed \u00e9 in, code ABC-123\n", Latin1);
        yield return ("qp-html-nonascii", "From: a@x.test\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n<p>Caf=C3=A9 =E2=80=99quoted=E2=80=99 and Stra=C5=BF=C5=BFe =C4=B1n <b>Reset</b></p>=\n<p>tail</p>\n", Encoding.ASCII);
        yield return ("message-id-odd", "From: a@x.test\nMessage-Id: not-bracketed@x.test\nMessage-ID: (comment) <second@x.test>\nSubject: ids\n\nbody\n", Encoding.ASCII);
        yield return ("message-id-folded", "From: a@x.test\nMessage-Id:\n <folded.id.1234567890@mail.x.test>\n\nbody\n", Encoding.ASCII);
        yield return ("nested-inner-bodies", """
            From: a@x.test
            Content-Type: multipart/mixed; boundary="o"

            --o
            Content-Type: multipart/related; boundary="r"

            --r
            Content-Type: multipart/alternative; boundary="a"

            --a
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 8bit

            Inner text ✓
            --a
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <p>Inner =E2=9C=93 <img src=3D"cid:i1"></p>
            --a--
            --r
            Content-Type: image/png
            Content-ID: <i1>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --r--
            --o
            Content-Type: text/plain; name="notes.txt"
            Content-Disposition: attachment; filename="notes.txt"

            An attachment, not the body.
            --o--
            """, Encoding.UTF8);
    }
}
