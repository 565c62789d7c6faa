using Microsoft.Playwright;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Ui;

/// <summary>
/// One Sandbox and one headless Debian Chromium per test class. Playwright drives the
/// system browser (<c>/usr/bin/chromium</c>); nothing is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public SandboxHost Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots land here (bin/.../artifacts/ui) for a human to look at.</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "ui")).FullName;

    public async ValueTask InitializeAsync()
    {
        Host = await SandboxHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context and page on the inbox, connected to the hub.</summary>
    public async Task<IPage> OpenInboxAsync(int width = 1280, int height = 800, string path = "/")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Host.HttpAddress, path).ToString());
        await page.Locator("[data-testid=connection][data-state=connected]").WaitForAsync();
        await page.Locator("section.list[data-loaded=true]").WaitForAsync();
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = false });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
