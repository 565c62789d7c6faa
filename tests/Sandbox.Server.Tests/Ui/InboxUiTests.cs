using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sandbox.Server.Tests.Ui;

/// <summary>The web inbox in a real headless Chromium against the real server.</summary>
public class InboxUiTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Row(IPage page, string subject) => page.Locator("a.row", new PageLocatorOptions { HasText = subject });

    [Fact]
    public async Task NewMail_WhileInboxOpen_AppearsWithinOneSecondWithoutReload()
    {
        var page = await fixture.OpenInboxAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;
        var subject = $"Live {Guid.NewGuid():N}";

        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), subject, "<p>Hello <b>live</b></p>", cancellationToken: Ct);
        var sent = Stopwatch.StartNew();
        await Row(page, subject).WaitForAsync(new LocatorWaitForOptions { Timeout = 1000 });

        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(1), $"took {sent.Elapsed}");
        Assert.Equal(0, navigations);
        await Expect(Row(page, subject)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unread"));
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^\\(\\d+\\) Sandbox inbox$"));
        Assert.StartsWith("data:image/png", await page.Locator("link[rel=icon]").GetAttributeAsync("href"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "inbox-live");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OpenMessage_ShowsHtmlInSandboxedIframe_MarksReadAndHasItsOwnUrl()
    {
        var subject = $"Welcome {Guid.NewGuid():N}";
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress("anna"), subject, "<h1 style=\"color:#2a7\">Welcome aboard</h1><p><a href=\"https://example.test/confirm\">Confirm</a></p>", cancellationToken: Ct);
        var page = await fixture.OpenInboxAsync();

        await Row(page, subject).ClickAsync();

        var frame = page.Locator("iframe[data-testid=html-frame]");
        await Expect(page.FrameLocator("iframe[data-testid=html-frame]").Locator("h1")).ToHaveTextAsync("Welcome aboard");
        var sandbox = await frame.GetAttributeAsync("sandbox");
        Assert.NotNull(sandbox);
        Assert.DoesNotContain("allow-scripts", sandbox, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-same-origin", sandbox, StringComparison.Ordinal);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/messages/[^/]+$"));
        await Expect(Row(page, subject)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bread\\b"));
        await BrowserFixture.ScreenshotAsync(page, "message-html");

        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        using var json = JsonDocument.Parse(await fixture.Host.Http.GetStringAsync(new Uri($"/api/v1/messages/{id}", UriKind.Relative), Ct));
        Assert.True(json.RootElement.GetProperty("read").GetBoolean());

        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=subject]")).ToHaveTextAsync(subject);
        await page.Locator("[data-tab=smtp]").ClickAsync();
        await Expect(page.Locator("[data-testid=smtp]")).ToContainTextAsync("robot@shop.test");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Delete_InUi_RestAgreesAndSecondBrowserSeesItLive()
    {
        var subject = $"Delete me {Guid.NewGuid():N}";
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), subject, cancellationToken: Ct);
        var first = await fixture.OpenInboxAsync();
        var second = await fixture.OpenInboxAsync();
        await Row(second, subject).WaitForAsync();
        var id = await Row(first, subject).GetAttributeAsync("data-id");

        await Row(first, subject).ClickAsync();
        await first.Locator("[data-testid=delete]").ClickAsync();

        await Row(second, subject).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await Row(first, subject).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        using var response = await fixture.Host.Http.GetAsync(new Uri($"/api/v1/messages/{id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_BySubject_SendsQAndShowsOnlyMatches()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), $"Invoice {token}", cancellationToken: Ct);
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), $"Newsletter {token}", cancellationToken: Ct);
        var page = await fixture.OpenInboxAsync();
        await Row(page, $"Newsletter {token}").WaitForAsync();

        await page.Keyboard.PressAsync("/");
        // Typing may pause past the debounce on a busy machine; wait for the request with the whole search.
        var request = page.WaitForRequestAsync(r => r.Url.Contains($"{token}%22", StringComparison.Ordinal));
        await page.Keyboard.TypeAsync($"subject:\"invoice {token}\"");

        var sent = await request;
        Assert.Contains($"q=subject%3A%22invoice+{token}%22", sent.Url, StringComparison.OrdinalIgnoreCase);
        await Row(page, $"Newsletter {token}").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await Expect(Row(page, $"Invoice {token}")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("\\?q="));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DarkMode_Chosen_AppliesDarkColours()
    {
        var subject = $"Dark {Guid.NewGuid():N}";
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), subject, "<p>Night</p>", cancellationToken: Ct);
        var page = await fixture.OpenInboxAsync();

        await page.Locator("[data-testid=theme]").SelectOptionAsync("dark");
        await Row(page, subject).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(18, 21, 27)", background);
        await Expect(page.FrameLocator("iframe[data-testid=html-frame]").Locator("p")).ToHaveTextAsync("Night");
        await BrowserFixture.ScreenshotAsync(page, "dark-mode");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PhoneWidth_ShowsOnePaneAtATime()
    {
        var subject = $"Phone {Guid.NewGuid():N}";
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), subject, "<p>Small screen</p>", cancellationToken: Ct);
        var page = await fixture.OpenInboxAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "phone-list");

        await Row(page, subject).ClickAsync();

        await Expect(page.Locator("[data-testid=subject]")).ToBeVisibleAsync();
        await Expect(page.Locator("section.list")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "phone-message");
        await page.Locator("button.back").ClickAsync();
        await Expect(Row(page, subject)).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_HelpAndNavigation_Work()
    {
        var subject = $"Keys {Guid.NewGuid():N}";
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), subject, cancellationToken: Ct);
        var page = await fixture.OpenInboxAsync();
        await Row(page, subject).WaitForAsync();

        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator("[data-testid=help]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("[data-testid=subject]")).ToHaveTextAsync(subject);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MarkAllRead_InOneBrowser_OtherBrowserSeesItLive()
    {
        var subject = $"Unread {Guid.NewGuid():N}";
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), subject, cancellationToken: Ct);
        var first = await fixture.OpenInboxAsync();
        var second = await fixture.OpenInboxAsync();
        await Expect(Row(second, subject)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unread"));

        await first.Locator("[data-testid=mark-all-read]").ClickAsync();

        await Expect(Row(second, subject)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bread\\b"));
        await Expect(second.Locator("[data-testid=unread]")).ToHaveTextAsync("0");
        await Expect(second).ToHaveTitleAsync("Sandbox inbox");
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task InlineImage_Cid_IsServedFromThePartsEndpoint()
    {
        var message = new MimeKit.MimeMessage();
        message.From.Add(MimeKit.MailboxAddress.Parse("robot@shop.test"));
        message.To.Add(MimeKit.MailboxAddress.Parse(fixture.Host.NewAddress()));
        message.Subject = $"Logo {Guid.NewGuid():N}";
        var builder = new MimeKit.BodyBuilder();
        var logo = builder.LinkedResources.Add("logo.png", TinyPng, new MimeKit.ContentType("image", "png"));
        logo.ContentId = "logo@shop.test";
        builder.HtmlBody = "<p>Brand</p><img id=\"logo\" alt=\"logo\" src=\"cid:logo@shop.test\">";
        message.Body = builder.ToMessageBody();
        using (var client = new MailKit.Net.Smtp.SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", fixture.Host.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
            await client.SendAsync(message, Ct);
        }

        var page = await fixture.OpenInboxAsync();
        await Row(page, message.Subject).ClickAsync();

        var image = page.FrameLocator("iframe[data-testid=html-frame]").Locator("#logo");
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        // Playwright's request events miss a new srcdoc frame's first loads, so the proof is the decoded image itself.
        Assert.Equal(1, await image.EvaluateAsync<int>("img => img.naturalWidth"));
        Assert.Matches("/api/v1/messages/[^/]+/parts/2$", await image.GetAttributeAsync("src"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LoadImages_Clicked_LoadsRemoteImagesForThatMessage()
    {
        await using var images = new BeaconListener();
        var subject = $"Remote {Guid.NewGuid():N}";
        await MailSender.SendAsync(fixture.Host.SmtpPort, fixture.Host.NewAddress(), subject, $"<p>Pic</p><img src=\"http://127.0.0.1:{images.Port}/pic.png\">", cancellationToken: Ct);
        var page = await fixture.OpenInboxAsync();
        await Row(page, subject).ClickAsync();
        await Expect(page.FrameLocator("iframe[data-testid=html-frame]").Locator("p")).ToHaveTextAsync("Pic");
        var remote = page.WaitForRequestAsync(r => r.Url.Contains($":{images.Port}/pic.png", StringComparison.Ordinal));

        await page.Locator("[data-testid=load-images]").ClickAsync();

        var request = await remote;
        Assert.Equal("image", request.ResourceType);
        await page.Context.CloseAsync();
    }

    // A 1x1 PNG.
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
