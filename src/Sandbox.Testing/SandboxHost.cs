using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Core.Store;
using Sandbox.Protocols.Transport;
using Sandbox.Server;

namespace Sandbox.Testing;

/// <summary>
/// The real Sandbox, started in-process with every listener on 127.0.0.1 and an ephemeral
/// port: for a test class or assembly fixture. Dispose it to stop every listener.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _addressCounter;

    private SandboxHost(WebApplication app)
    {
        _app = app;
        HttpAddress = SandboxApp.HttpAddress(app);
        Http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(90) };
        Client = new SandboxClient(Http);
    }

    /// <summary>The web UI and API base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri HttpAddress { get; }

    /// <summary>An HttpClient for the API, with <see cref="HttpAddress"/> as its base address.</summary>
    public HttpClient Http { get; }

    /// <summary>A ready typed client of the REST API (waits, links, codes, delete by filter).</summary>
    public SandboxClient Client { get; }

    public int SmtpPort => Port("smtp");

    public int Pop3Port => Port("pop3");
    public int ImapPort => Port("imap");

    /// <summary>The host's service provider (the store, options) for white-box assertions.</summary>
    public IServiceProvider Services => _app.Services;

    public MessageStore Store => Services.GetRequiredService<MessageStore>();

    /// <summary>
    /// Starts the Sandbox. <paramref name="settings"/> override configuration keys
    /// (e.g. <c>["Sandbox:Store:MaxMessages"] = "10"</c>); every port defaults to 0.
    /// </summary>
    public static Task<SandboxHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(settings, configureServices: null, cancellationToken);

    /// <summary>
    /// Starts the Sandbox with service overrides, e.g. a fake <see cref="TimeProvider"/>
    /// (<c>services.AddSingleton&lt;TimeProvider&gt;(fake)</c>) to drive wait timeouts.
    /// </summary>
    public static async Task<SandboxHost> StartAsync(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken = default)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Sandbox:ListenAddress"] = "127.0.0.1",
            ["Sandbox:Smtp:Port"] = "0",
            ["Sandbox:Smtp:TlsPort"] = "0",
            ["Sandbox:Pop3:Port"] = "0",
            ["Sandbox:Pop3:TlsPort"] = "0",
            ["Sandbox:Imap:Port"] = "0",
            ["Sandbox:Imap:TlsPort"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var args = merged.Select(p => $"--{p.Key}={p.Value}").ToArray();
        var app = SandboxApp.Create(args, configureServices is null ? null : b => configureServices(b.Services));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SandboxHost(app);
    }

    /// <summary>The bound port of a listener by name (<c>smtp</c>, <c>smtps</c>, ...).</summary>
    public int Port(string listener) =>
        _app.Services.GetRequiredService<BoundEndpoints>().Get(listener)?.Port
        ?? throw new InvalidOperationException($"The listener '{listener}' is not bound.");

    /// <summary>A unique address for one test, so parallel tests never see each other's mail.</summary>
    public string NewAddress(string name = "user") =>
        $"{name}-{Interlocked.Increment(ref _addressCounter)}-{Guid.NewGuid().ToString("N")[..8]}@sandbox.test";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
