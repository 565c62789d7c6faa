using System.Net;
using Sandbox.Server.Api;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Api;

public class MessagesFilterEndpointTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxHost _host = fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_ToExactAddress_DoesNotMatchLongerAddress()
    {
        var a = _host.NewAddress("a");
        var ba = "b" + a;
        await Mail.SendAsync(_host, ba, "for ba", cancellationToken: Ct);
        await Mail.SendAsync(_host, a, "for a", cancellationToken: Ct);

        var list = await _host.Client.ListAsync(MessageQuery.ForRecipient(a), cancellationToken: Ct);

        Assert.Equal("for a", Assert.Single(list.Items).Subject);
        Assert.Equal(1, list.Total);
    }

    [Fact]
    public async Task List_BccEnvelopeRecipient_MatchesToAndIsReportedAsBcc()
    {
        var to = _host.NewAddress("visible");
        var bcc = _host.NewAddress("hidden");
        await Mail.SendAsync(_host, Mail.Create(to, "with bcc"), [to, bcc], Ct);

        var list = await _host.Client.ListAsync(MessageQuery.ForRecipient(bcc), cancellationToken: Ct);

        var summary = Assert.Single(list.Items);
        var full = await _host.Client.GetAsync(summary.Id, Ct);
        Assert.Equal([bcc], full.Bcc);
    }

    [Fact]
    public async Task List_HeaderFilter_MatchesOnlyThatHeaderValue()
    {
        var to = _host.NewAddress("hdr");
        var blue = Mail.Create(to, "blue");
        blue.Headers.Add("X-Tenant", "blue-team");
        var red = Mail.Create(to, "red");
        red.Headers.Add("X-Tenant", "red-team");
        await Mail.SendAsync(_host, blue, cancellationToken: Ct);
        await Mail.SendAsync(_host, red, cancellationToken: Ct);

        var list = await _host.Client.ListAsync(new MessageQuery { To = [to], Headers = ["x-tenant:BLUE"] }, cancellationToken: Ct);

        Assert.Equal("blue", Assert.Single(list.Items).Subject);
    }

    [Fact]
    public async Task List_SearchPhraseAndNegation_MatchesOnlyTheRightMessage()
    {
        var to = _host.NewAddress("q");
        await Mail.SendAsync(_host, to, "Reset your password", "Click the link", Ct);
        await Mail.SendAsync(_host, to, "Your password reset was disabled", "Nothing to do", Ct);
        await Mail.SendAsync(_host, to, "Welcome", "reset your expectations", Ct);

        var phrase = await _host.Client.ListAsync(new MessageQuery { Search = $"to:{to} \"reset your\"" }, cancellationToken: Ct);
        var negated = await _host.Client.ListAsync(new MessageQuery { Search = $"to:{to} password -disabled" }, cancellationToken: Ct);
        var subjectOnly = await _host.Client.ListAsync(new MessageQuery { Search = $"to:{to} subject:\"reset your\" is:unread -has:attachment" }, cancellationToken: Ct);

        Assert.Equal(["Welcome", "Reset your password"], phrase.Items.Select(m => m.Subject));
        Assert.Equal("Reset your password", Assert.Single(negated.Items).Subject);
        Assert.Equal("Reset your password", Assert.Single(subjectOnly.Items).Subject);
    }

    [Theory]
    [InlineData("hasAttachment=maybe", "hasAttachment")]
    [InlineData("read=2", "read")]
    [InlineData("after=-1", "after")]
    [InlineData("since=yesterday", "since")]
    [InlineData("header=NoColon", "header")]
    [InlineData("subjectRegex=(a", "subjectRegex")]
    [InlineData("subjectRegex=(%3F%3C%3Dx)a", "subjectRegex")]
    [InlineData("q=%22unterminated", "q")]
    [InlineData("q=is:maybe", "is:")]
    [InlineData("q=larger:huge", "larger")]
    [InlineData("to=not-an-address", "to")]
    public async Task List_MalformedFilter_Returns400NamingTheProblem(string query, string named)
    {
        using var response = await _host.Http.GetAsync($"api/v1/messages?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(named, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_ReturnsNewestMatchOr404()
    {
        var to = _host.NewAddress("latest");
        using var none = await _host.Http.GetAsync($"api/v1/messages/latest?to={to}", Ct);
        await Mail.SendAsync(_host, to, "older", cancellationToken: Ct);
        await Mail.SendAsync(_host, to, "newer", cancellationToken: Ct);

        var latest = await _host.Client.GetLatestAsync(MessageQuery.ForRecipient(to), Ct);

        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("newer", latest?.Subject);
    }

    [Fact]
    public async Task Delete_ByFilter_DeletesOnlyMatches()
    {
        var keep = _host.NewAddress("keep");
        var drop = _host.NewAddress("drop");
        await Mail.SendAsync(_host, keep, "keep me", cancellationToken: Ct);
        await Mail.SendAsync(_host, drop, "drop me", cancellationToken: Ct);
        await Mail.SendAsync(_host, drop, "drop me too", cancellationToken: Ct);

        var deleted = await _host.Client.DeleteAsync(MessageQuery.ForRecipient(drop), Ct);

        Assert.Equal(2, deleted);
        Assert.Empty((await _host.Client.ListAsync(MessageQuery.ForRecipient(drop), cancellationToken: Ct)).Items);
        Assert.Single((await _host.Client.ListAsync(MessageQuery.ForRecipient(keep), cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Cursor_AfterSend_IsTheNewMessageSeqAndFiltersWithAfter()
    {
        var to = _host.NewAddress("cursor");
        await Mail.SendAsync(_host, to, "before cursor", cancellationToken: Ct);
        var cursor = await _host.Client.GetCursorAsync(Ct);
        await Mail.SendAsync(_host, to, "after cursor", cancellationToken: Ct);

        var list = await _host.Client.ListAsync(MessageQuery.ForRecipient(to), after: cursor, cancellationToken: Ct);

        Assert.Equal("after cursor", Assert.Single(list.Items).Subject);
        Assert.Equal(cursor + 1, list.Items[0].Seq);
    }

    [Fact]
    public async Task Links_And_Codes_AreServedAndInFullMessage()
    {
        var to = _host.NewAddress("links");
        var message = Mail.Create(to, "Your code", "Your verification code is 493817.\r\nOr open https://app.test/verify?c=493817", "<p>Code: <b>493817</b> <a href=\"https://app.test/verify?c=493817&amp;x=1\">Verify email</a></p>");
        await Mail.SendAsync(_host, message, cancellationToken: Ct);
        var found = await _host.Client.WaitForMessageAsync(MessageQuery.ForRecipient(to), cancellationToken: Ct);

        var links = await _host.Client.GetLinksAsync(found.Id, Ct);
        var codes = await _host.Client.GetCodesAsync(found.Id, cancellationToken: Ct);
        var byPattern = await _host.Client.GetCodesAsync(found.Id, @"c=(\d+)", Ct);
        using var badPattern = await _host.Http.GetAsync($"api/v1/messages/{found.Id}/codes?pattern=(a)(b)", Ct);

        Assert.Contains(links, l => l is { Href: "https://app.test/verify?c=493817&x=1", Text: "Verify email", Source: "html" });
        Assert.Contains(links, l => l is { Href: "https://app.test/verify?c=493817", Source: "text" });
        Assert.Equal(["493817"], codes);
        Assert.Equal(["493817"], byPattern);
        Assert.Equal(HttpStatusCode.BadRequest, badPattern.StatusCode);
        Assert.Equal(links.Length, found.Links.Count);
        Assert.Equal(codes, found.Codes);
    }
}
