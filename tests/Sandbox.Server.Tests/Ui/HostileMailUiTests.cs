using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sandbox.Server.Tests.Ui;

/// <summary>security.md: hostile HTML mail runs nothing in the app and sends no request.</summary>
public class HostileMailUiTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task HostileHtml_Opened_RunsNoScriptAndSendsNoRequest()
    {
        await using var beacon = new BeaconListener();
        var b = $"http://127.0.0.1:{beacon.Port}";
        var html = $$"""
            <html><head>
            <meta http-equiv="refresh" content="0;url={{b}}/refresh">
            <base href="{{b}}/base/">
            <link rel="stylesheet" href="{{b}}/link.css">
            <style>@import url("{{b}}/import.css"); body { background: url('{{b}}/css-beacon.png'); }</style>
            <script>window.parent.__pwned = 1; alert('script');</script>
            </head><body>
            <h1 id="marker">Hostile body</h1>
            <img src="{{b}}/img.png" onerror="window.parent.__pwned = 2; alert('onerror')">
            <img src="x" onerror="console.log('pwned-onerror')">
            <svg onload="alert('svg')"><rect width="10" height="10"/></svg>
            <div style="background-image: url({{b}}/inline-beacon.png)">styled</div>
            <a id="js" href="javascript:alert('link')">click me</a>
            <form action="{{b}}/form" method="post"><input name="password" autofocus><button>Go</button></form>
            <iframe src="{{b}}/frame"></iframe>
            </body></html>
            """;
        var subject = $"Hostile {Guid.NewGuid():N}";
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), subject, html, cancellationToken: TestContext.Current.CancellationToken);
        var page = await fixture.OpenInboxAsync();
        var dialogs = new List<string>();
        var console = new List<string>();
        var beaconRequests = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        page.Console += (_, message) => console.Add(message.Text);
        page.Request += (_, request) => { if (request.Url.Contains($":{beacon.Port}", StringComparison.Ordinal)) { beaconRequests.Add(request.Url); } };

        await page.Locator("a.row", new PageLocatorOptions { HasText = subject }).ClickAsync();
        var body = page.FrameLocator("iframe[data-testid=html-frame]");
        await Expect(body.Locator("#marker")).ToHaveTextAsync("Hostile body");
        var frame = page.Frames.Single(f => f != page.MainFrame);
        await frame.WaitForLoadStateAsync(LoadState.Load);
        await body.Locator("#js").ClickAsync();
        await Expect(page.Locator("[data-testid=load-images]")).ToBeVisibleAsync();

        Assert.Empty(dialogs);
        Assert.DoesNotContain(console, text => text.Contains("pwned", StringComparison.Ordinal));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Empty(beaconRequests);
        // The listener is the proof; Playwright's request events can miss a new srcdoc frame's first loads.
        Assert.Equal(0, await beacon.SettledConnectionsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await body.Locator("script, form, input, base, link, iframe, meta[http-equiv=refresh], [onerror], [onload]").CountAsync());
        Assert.Null(await body.Locator("#js").GetAttributeAsync("href"));
        await BrowserFixture.ScreenshotAsync(page, "hostile-mail");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AppPage_Served_HasStrictCspWithoutInlineScript()
    {
        using var response = await fixture.Host.Http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" crossorigin src=\"/assets/", html, StringComparison.Ordinal);
    }
}
