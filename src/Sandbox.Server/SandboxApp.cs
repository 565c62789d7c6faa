using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Sandbox.Protocols.Tls;
using Sandbox.Protocols.Transport;
using Sandbox.Server.Api;
using Sandbox.Server.Health;
using Sandbox.Server.Hosting;
using Sandbox.Server.Realtime;
using Sandbox.Server.Security;
using Scalar.AspNetCore;

namespace Sandbox.Server;

/// <summary>
/// Builds the whole Sandbox as one <see cref="WebApplication"/>: used by Program.cs and by
/// in-process hosts in tests (which pass <c>--urls=http://127.0.0.1:0</c> and port 0 for
/// every protocol).
/// </summary>
public static class SandboxApp
{
    public const string DefaultUrl = "http://127.0.0.1:8025";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The slim builder leaves out what the Sandbox never uses (IIS integration, HTTP/3 over
        // QUIC, the EventLog/EventSource/Debug log providers, hosting startup assemblies): less
        // to load and JIT at start-up. HTTPS endpoints from configuration stay available.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSandbox(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddInboxRealtime();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = 64L * 1024 * 1024);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<HubOriginMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        var api = app.MapGroup("/api/v1");
        api.MapMessages();
        api.MapInfo();
        api.MapReadAll();
        app.MapHealth();
        app.MapInboxHub();
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("Sandbox API"));
        app.MapFallbackToFile("index.html");
        app.Lifetime.ApplicationStarted.Register(() => LogStarted(app));
        return app;
    }

    /// <summary>The HTTP base address after start (port 0 resolved).</summary>
    public static Uri HttpAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
    }

    private static void LogStarted(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sandbox");
        var urls = string.Join(", ", app.Urls);
        var ports = string.Join(", ", app.Services.GetRequiredService<BoundEndpoints>().Ports.Select(p => $"{p.Key.ToUpperInvariant()} {p.Value}"));
        if (app.Services.GetRequiredService<TlsCertificateProvider>().Sha256Fingerprint is { } fingerprint)
        {
            SandboxLog.TlsFingerprint(logger, fingerprint);
        }

        if (app.Urls.Any(u => !u.Contains("://127.", StringComparison.Ordinal) && !u.Contains("://localhost", StringComparison.OrdinalIgnoreCase) && !u.Contains("://[::1]", StringComparison.Ordinal)))
        {
            SandboxLog.UnauthenticatedPublicUi(logger, urls);
        }

        SandboxLog.Ready(logger, InfoEndpoints.Version, ports, urls);
    }
}
