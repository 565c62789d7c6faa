using Sandbox.Core.Mime;

namespace Sandbox.Core.Tests.Mime;

public class LinksAndCodesTests
{
    private const string PasswordReset = """
        From: Acme <no-reply@acme.test>
        To: alice@x.test
        Subject: Reset your Acme password
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Hi Alice,
        Someone asked to reset your password. Open https://acme.test/reset?token=Zx9_k2&u=42.
        Your security code is 731904.
        Not you? Ignore this mail. Copyright 2026 Acme.
        --b1
        Content-Type: text/html; charset=utf-8

        <html><head><style>a{color:red}</style></head><body>
        <p>Hi Alice,</p>
        <p><a class="btn" href="https://acme.test/reset?token=Zx9_k2&amp;u=42" target="_blank">
          Reset   <b>password</b></a></p>
        <p>Your security code is <strong>731904</strong>.</p>
        <p><a href='https://acme.test/help'>Help centre</a> | <a href="#">top</a> | <a href=mailto:help@acme.test>Mail us</a></p>
        <p>Copyright 2026 Acme, 1200 Main Street.</p>
        </body></html>
        --b1--
        """;

    [Fact]
    public void PasswordResetHtml_LinksWithTextAndSource_CodeFound()
    {
        var view = TestMessages.View(PasswordReset);

        Assert.Equal(
            [
                new MessageLink("https://acme.test/reset?token=Zx9_k2&u=42", "Reset password", "html"),
                new MessageLink("https://acme.test/help", "Help centre", "html"),
                new MessageLink("mailto:help@acme.test", "Mail us", "html"),
                new MessageLink("https://acme.test/reset?token=Zx9_k2&u=42", "https://acme.test/reset?token=Zx9_k2&u=42", "text"),
            ],
            view.Links);
        Assert.Equal(["731904"], view.Codes);
    }

    [Fact]
    public void TextOnlyOtp_CodeAndTokenFound_NoLinks()
    {
        var view = TestMessages.View("""
            Subject: Your sign-in code
            Content-Type: text/plain

            Use this one-time passcode to sign in:

                048213

            Backup verification token: X7K2-9QPL.
            It expires in 10 minutes.
            """);

        Assert.Empty(view.Links);
        Assert.Equal(["048213", "X7K2-9QPL"], view.Codes);
    }

    [Fact]
    public void PlainMailWithNumbers_NoLinksNoCodes()
    {
        var view = TestMessages.View("""
            Subject: Lunch
            Content-Type: text/plain

            See you at 1230 in room 4021 on 2026-05-01. Bring 3 friends.
            """);

        Assert.Empty(view.Links);
        Assert.Empty(view.Codes);
    }

    [Fact]
    public void Pattern_OverridesHeuristicsWithGroupOne()
    {
        var regex = Sandbox.Core.Query.SafeRegex.Create(@"ref:\s*(\w+)", "pattern");

        var codes = CodeExtractor.Extract("Order ref: AB12 and ref: CD34", null, regex);

        Assert.Equal(["AB12", "CD34"], codes);
    }
}
