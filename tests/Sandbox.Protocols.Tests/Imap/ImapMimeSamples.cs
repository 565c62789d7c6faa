using System.Text;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>
/// Random messages for the fast-path parity tests: plain shapes the fast paths take, mixed with
/// the forms they must leave to MimeKit (comments, encoded words, RFC 2231, groups, bad
/// boundaries, LF-only lines, mbox From lines, folds, duplicates). Test data.
/// </summary>
internal sealed class ImapMimeSamples(int seed)
{
    private readonly Random _r = new(seed);
    private int _boundaryCount;

    public static readonly string[] Addresses =
    [
        "a@b.c", "<a@b.c>", "Name <a@b.c>", "Name  <a@b.c>", "\"Name\" <a@b.c>", "\"Last, First\" <a@b.c>",
        "\" spaced \" <a@b.c>", "\"a  b\" <x@y>", "Name<a@b.c>", "John Q. Public <a@b>", "O'Brien <ob@x.y>",
        "=?utf-8?q?J=C3=B6rg?= <j@x>", "a@b, c@d", "a@b,c@d", "a@b ,c@d", "a@b,\r\n c@d", "a@b,\r\n\tc@d", "a@b,", ",a@b",
        "Group: a@b;", "a@b (comment)", "\"quoted\\\"esc\" <a@b>", "a.b.c@d.e", "a..b@c", ".a@b", "a@b.", "a@[1.2.3.4]",
        "a@xn--bcher-kva.ch", "A@B.COM", "a+tag@b.c", "a@localhost", "\"a b\"@c.d", "J\u00f6rg <j@x>", "Name\t<a@b>",
        "Name Two\t<a@b>", "Name <a@b>, \"X\" <c@d>", "<a@b> ", "Name <a @b>", " a@b ", "a", "a@", "@b", "Name <>",
        "Undisclosed recipients:;", "\"\" <a@b>", "\"Name\" a@b", "a@b <c@d>", "Name <a@b> trailing",
        "!#$%&'*+-/=?^_`{|}~@x.y", "Name!# <a@b>", "a=?b@c", "Alice Example <alice@example.test>", "bob@example.test",
        "\"Carol C.\" <carol@example.test>", "Name  Two <a@b>", "N\u00e4me <a@b>", "a@b-c.d-e", "a@-b.c", "a@b_c.d",
        "\"Name\"<a@b>", "Name <a@b>,", "Name <a@b>;", "a@b\tc@d", "x@y, \"Doe, J\" <j@d.o>, z@w", "<a@b>, <c@d>",
        "\"=?utf-8?q?x?=\" <a@b>", "A B C D <abcd@e.f>", "\"a\tb\" <x@y>", "mailto:a@b", "a@b.c.d.e.f", "a@b..c",
        "Name <<a@b>>", "a%b@c", "\"x\" \"y\" <a@b>", "Name (c) <a@b>", "xn--a@b.c", "a@XN--ab.c", "a@b.xn--c",
    ];

    public static readonly string[] ContentTypes =
    [
        "text/plain", "text/plain; charset=us-ascii", "text/plain; charset=\"UTF-8\"", "Text/HTML; Charset=ISO-8859-1",
        "text/plain;charset=utf-8", "text/plain ; charset=utf-8", "text/plain; charset = utf-8", "text/plain; format=flowed; delsp=yes",
        "text/plain; charset=utf-8;", "text/plain; name=\"a b.txt\"", "text/plain; name=\" a \"", "text/plain; name=\"\"",
        "text/plain (comment)", "text/plain; name*=utf-8''a%20b", "text/plain; name=\"=?utf-8?q?a?=\"",
        "text/plain; charset=utf-8; charset=latin1", "application/octet-stream; name=\"x.bin\"", "image/png",
        "text/plain;\r\n charset=utf-8", "text/plain;\r\n\tcharset=\"utf-8\";\r\n format=flowed", "application/x-foo+bar", "text/x-c++src",
        "text/plain; x-name=a/b", "text", "/plain", "", " ", "text/plain; charset=\"us-ascii\" (comment)", "TEXT/PLAIN",
        "text/plain; CHARSET=utf-8", "text/html; charset=\"utf-8\"", "text/plain; charset='utf-8'", "text/plain; name=\"a\\\"b\"",
        "text/plain; name=\"a;b\"", "text/plain; name=\"a=b\"", "text/plain; a=1; b=2; c=3", "text/plain;; charset=x", "text/ plain",
        "text /plain", "text/plain; charset=\"utf-8\"; name=\"x\ty\"", "application/pdf; name=\"r\u00e9sum\u00e9.pdf\"",
        "text/rfc822-headers", "text/RFC822-Headers", "message/delivery-status", "message/global", "application/ms-tnef",
        "text/plain; charset=utf-8 ", "text/plain\t;\tcharset=utf-8", "text/calendar; method=REQUEST; charset=UTF-8",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain; charset=", "text/plain; =x",
    ];

    public static readonly string[] Dispositions =
    [
        "attachment", "Attachment; filename=\"a.pdf\"", "inline", "attachment; filename=a.pdf; size=123", "attachment; filename*=utf-8''a%20b.pdf",
        "attachment;", "INLINE", "attachment; filename=\"a b.pdf\"", "attachment (c)", "attachment; filename=\"=?utf-8?b?YQ==?=\"", "",
        "attachment;\r\n filename=\"long.pdf\"", "attachment; filename=\"a.pdf\"; filename=\"b.pdf\"", "form-data; name=\"f\"", "attachment; FileName=x.txt",
    ];

    private static readonly string[] Encodings = ["base64", "BASE64", " quoted-printable ", "", "7bit", "8bit", "x-uuencode", "binary", "Quoted-Printable"];
    private static readonly string[] Subjects = ["Hello", "", " ", "A folded\r\n subject", "Gr\u00fc\u00dfe", "=?utf-8?q?Gr=C3=BC=C3=9Fe?=", "with \"quotes\" and \\ backslash", "trailing   ", "\ttabbed", "x\r\n\t y"];
    private static readonly string[] MessageIds = ["<1@x>", "\r\n <folded@x>", "", "<a@b> <c@d>", " <sp@x> "];

    public string Message(int depth = 0)
    {
        var sb = new StringBuilder();
        var shape = _r.Next(100);
        var ct = shape switch
        {
            < 35 => Pick(ContentTypes),
            < 70 => Multipart(depth),
            < 78 => "message/rfc822",
            < 82 => null,
            _ => "text/plain; charset=utf-8",
        };
        Headers(sb, ct, topLevel: true);
        sb.Append(_r.Next(60) == 0 ? "" : "\r\n");
        Body(sb, ct, depth);
        return Mutate(sb.ToString());
    }

    private void Headers(StringBuilder sb, string? ct, bool topLevel)
    {
        if (topLevel)
        {
            if (_r.Next(40) == 0)
            {
                sb.Append("From someone@x Sat Jan  3 01:05:34 1996\r\n");
            }

            foreach (var (name, value) in EnvelopeHeaders())
            {
                sb.Append(name).Append(':').Append(value.Length == 0 || _r.Next(8) == 0 ? "" : " ").Append(value).Append("\r\n");
            }

            if (_r.Next(3) > 0)
            {
                sb.Append(_r.Next(5) == 0 ? "mime-version" : "MIME-Version").Append(": 1.0\r\n");
            }
        }

        if (ct is not null)
        {
            sb.Append(Case("Content-Type")).Append(": ").Append(ct).Append("\r\n");
            if (_r.Next(30) == 0)
            {
                sb.Append("Content-Type: text/html\r\n");
            }
        }

        MaybeHeader(sb, "Content-Transfer-Encoding", Encodings, 5);
        MaybeHeader(sb, "Content-Disposition", Dispositions, 5);
        MaybeHeader(sb, "Content-ID", ["<part1@x>", "<a@b>\r\n", "\r\n <f@x>"], 8);
        MaybeHeader(sb, "Content-Description", ["The report", "", "Gr\u00fc\u00dfe", "a \"q\""], 8);
        MaybeHeader(sb, "Content-Language", ["en", "en, fr", "de-CH"], 10);
        MaybeHeader(sb, "Content-Location", ["http://x/y", "a b"], 12);
        MaybeHeader(sb, "Content-MD5", ["Q2hlY2sgSW50ZWdyaXR5IQ=="], 12);
        MaybeHeader(sb, "X-Mailer", ["gen 1.0", "x\r\n y"], 3);
        MaybeHeader(sb, "X_Under", ["1"], 20);
        MaybeHeader(sb, "DKIM-Signature", ["v=1; a=rsa-sha256;\r\n\tb=abc;\r\n\th=From:To"], 6);
        if (_r.Next(60) == 0)
        {
            sb.Append(Pick(["X Bad: 1\r\n", "NoColonLine\r\n", "X-Empty-Cont: a\r\n \r\n", ": novalue\r\n", "X-Nul: a\0b\r\n", "X-CR: a\rb\r\n", "\tleading-continuation\r\n"]));
        }
    }

    private List<(string Name, string Value)> EnvelopeHeaders()
    {
        var list = new List<(string Name, string Value)>();
        void Add(string name, string value, int oneIn)
        {
            if (_r.Next(oneIn) == 0)
            {
                list.Add((Case(name), value));
            }
        }

        Add("From", Pick(Addresses), 1);
        Add("To", Pick(Addresses), 1);
        Add("Cc", Pick(Addresses), 3);
        Add("Bcc", Pick(Addresses), 8);
        Add("Sender", Pick(Addresses), 8);
        Add("Reply-To", Pick(Addresses), 6);
        Add("Subject", Pick(Subjects), 1);
        Add("Date", Pick(["Sat, 28 Nov 2026 10:00:00 +0000", "", "bogus", "Mon, 02 Mar 2026\r\n 10:00:00 +0000"]), 1);
        Add("Message-ID", Pick(MessageIds), 2);
        Add("In-Reply-To", Pick(MessageIds), 6);
        Add("Subject", "second subject", 30);
        Add("To", "second@to", 30);
        if (_r.Next(2) == 0)
        {
            list.Reverse();
        }

        return list;
    }

    private void Body(StringBuilder sb, string? ct, int depth)
    {
        if (ct is not null && ct.StartsWith("multipart", StringComparison.OrdinalIgnoreCase) && depth < 4)
        {
            MultipartBody(sb, ct, depth);
        }
        else if (ct == "message/rfc822" && depth < 4)
        {
            sb.Append(Message(depth + 1));
        }
        else
        {
            Text(sb);
        }
    }

    private string Multipart(int depth)
    {
        var sub = Pick(["mixed", "alternative", "related", "signed; protocol=\"application/pgp-signature\"", "report; report-type=delivery-status", "digest", "Mixed", "parallel"]);
        var b = Boundary();
        var style = _r.Next(12);
        var param = style switch
        {
            0 => $"boundary={b}",
            1 => $"boundary=\"{b}\";\r\n charset=x",
            2 => $"\r\n\tboundary=\"{b}\"",
            3 => $"BOUNDARY=\"{b}\"",
            4 => "charset=x",
            _ => $"boundary=\"{b}\"",
        };
        return $"multipart/{sub}; {param}";
    }

    private string Boundary() => Pick(["b", "outer", "inner", "=_Part_", "----=_NextPart_000_0012_01D", "Apple-Mail=_8F2D", "_000_abc_", "b1_x", "a b", "x?y", "=?b"]) + (_boundaryCount++ % 7 == 0 ? "" : _boundaryCount.ToString());

    private void MultipartBody(StringBuilder sb, string ct, int depth)
    {
        var m = System.Text.RegularExpressions.Regex.Match(ct, "boundary=\"?([^\";\r]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var b = m.Success ? m.Groups[1].Value : "nob";
        if (_r.Next(3) == 0)
        {
            sb.Append(Pick(["This is a multi-part message in MIME format.\r\n", "\r\n", "-- \r\n", $"--{b}x\r\n"]));
        }

        var n = _r.Next(20) == 0 ? 0 : 1 + _r.Next(4);
        for (var i = 0; i < n; i++)
        {
            sb.Append("--").Append(b).Append(Pick(["\r\n", "\r\n", "\r\n", "\r\n", "\r\n", " \r\n", "\n", "--junk\r\n"], 0.03)).Append(Part(depth + 1));
            sb.Append(Pick(["\r\n", "\r\n", "\r\n", "\n", ""], 0.05));
        }

        var close = Pick([$"--{b}--\r\n", $"--{b}--\r\n", $"--{b}--", $"--{b}-- \r\n", "", $"--{b}--\r\nepilogue\r\n", $"--{b}--\r\n--{b}\r\n"], 0.15);
        sb.Append(close);
    }

    private string Part(int depth)
    {
        var sb = new StringBuilder();
        var shape = _r.Next(100);
        var ct = shape switch
        {
            < 45 => Pick(ContentTypes),
            < 60 => depth < 4 ? Multipart(depth) : "text/plain",
            < 68 => "message/rfc822",
            < 80 => null,
            _ => "text/html; charset=utf-8",
        };
        Headers(sb, ct, topLevel: false);
        if (_r.Next(50) != 0)
        {
            sb.Append("\r\n");
        }

        Body(sb, ct, depth);
        return sb.ToString();
    }

    private void Text(StringBuilder sb)
    {
        var lines = _r.Next(6);
        for (var i = 0; i < lines; i++)
        {
            sb.Append(Pick(["La de da de da 1. La de da de da 2.", "", "-- ", "--", "---", "Sch\u00f6n", "=C3=A9", "QUJDRA==", "line with \"quotes\""])).Append(i == lines - 1 && _r.Next(4) == 0 ? "" : "\r\n");
        }
    }

    private string Mutate(string message)
    {
        return _r.Next(40) switch
        {
            0 => message.Replace("\r\n", "\n"),
            1 => message.TrimEnd('\r', '\n'),
            2 => "\r\n" + message,
            3 => HeadersOnly(message),
            _ => message,
        };
    }

    private static string HeadersOnly(string message)
    {
        var i = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return i < 0 ? message : message[..(i + 2)];
    }

    private void MaybeHeader(StringBuilder sb, string name, string[] values, int oneIn)
    {
        if (_r.Next(oneIn) == 0)
        {
            sb.Append(Case(name)).Append(": ").Append(Pick(values)).Append("\r\n");
        }
    }

    private string Case(string name) => _r.Next(10) switch
    {
        0 => name.ToLowerInvariant(),
        1 => name.ToUpperInvariant(),
        _ => name,
    };

    private string Pick(string[] values, double weird = -1) =>
        weird >= 0 ? (_r.NextDouble() < weird ? values[_r.Next(values.Length)] : values[0]) : values[_r.Next(values.Length)];
}
