namespace Sandbox.Server.Health;

/// <summary>
/// <c>Sandbox.Server healthcheck</c>: exits 0 when <c>/readyz</c> answers 200. For the image's
/// HEALTHCHECK (the runtime image has no curl). Reads the HTTP URL the server itself would
/// use (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, else the default).
/// </summary>
internal static class HealthCheckCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault()
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS")
            ?? SandboxApp.DefaultUrl;
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        var uri = new Uri(first.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(uri, "/readyz"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {ex.Message}");
            return 1;
        }
    }
}
