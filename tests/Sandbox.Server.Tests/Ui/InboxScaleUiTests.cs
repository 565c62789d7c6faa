using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Sandbox.Server.Tests.Ui;

/// <summary>5,000 messages: the list stays virtualised and pages in as it scrolls.</summary>
public class InboxScaleUiTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int Count = 5_000;

    [Fact]
    public async Task FiveThousandMessages_ListIsVirtualisedAndPagesInOnScroll()
    {
        var ingestor = fixture.Host.Services.GetRequiredService<MessageIngestor>();
        for (var i = 1; i <= Count; i++)
        {
            var raw = Encoding.ASCII.GetBytes($"From: bulk@shop.test\r\nTo: many@sandbox.test\r\nSubject: Bulk {i:D5}\r\n\r\nBody {i}\r\n");
            ingestor.Ingest(raw, new MessageEnvelope { MailFrom = "bulk@shop.test", RcptTo = ["many@sandbox.test"] });
        }

        var page = await fixture.OpenInboxAsync();
        await Expect(page.Locator("[data-testid=total]")).ToHaveTextAsync($"{Count} messages");
        Assert.InRange(await page.Locator("a.row").CountAsync(), 1, 100);
        await Expect(page.Locator("[data-testid=unread]")).ToHaveTextAsync(Count.ToString(CultureInfo.InvariantCulture));

        var scroller = page.Locator(".scroller");
        for (var loaded = 500; loaded <= Count; loaded += 500)
        {
            // Each page arrives as the end of the list comes into view.
            await Expect(page.Locator(".spacer")).ToHaveAttributeAsync("style", $"height: {loaded * 88}px;");
            await scroller.EvaluateAsync("el => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event('scroll')); }");
        }

        await Expect(page.Locator("a.row", new PageLocatorOptions { HasText = "Bulk 00001" })).ToBeVisibleAsync();
        Assert.InRange(await page.Locator("a.row").CountAsync(), 1, 100);
        await BrowserFixture.ScreenshotAsync(page, "five-thousand");
        await page.Context.CloseAsync();
    }
}
