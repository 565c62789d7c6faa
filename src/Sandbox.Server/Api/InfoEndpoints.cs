using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Sandbox.Core.Ingest;
using Sandbox.Core.Store;
using Sandbox.Protocols.Smtp;
using Sandbox.Protocols.Tls;
using Sandbox.Protocols.Transport;

namespace Sandbox.Server.Api;

/// <summary><c>GET /api/v1/info</c>: version, bound ports, counts, limits, TLS fingerprint.</summary>
internal static class InfoEndpoints
{
    public static readonly string Version =
        typeof(InfoEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static RouteGroupBuilder MapInfo(this RouteGroupBuilder api)
    {
        api.MapGet("/info", Info).WithTags("Server").WithName("GetInfo").WithSummary("Version, bound ports, counts, limits and the TLS fingerprint.");
        return api;
    }

    private static InfoDto Info(
        MessageStore store,
        BoundEndpoints endpoints,
        IngestLimits limits,
        IOptions<SmtpOptions> smtp,
        TlsCertificateProvider tls,
        IServer server,
        WaiterGauge waiters)
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        return new InfoDto(
            Version,
            endpoints.Ports,
            urls,
            store.Count,
            store.Bytes,
            store.Evictions,
            store.HeadSeq,
            store.UidValidity,
            new LimitsDto(
                smtp.Value.MaxMessageSize,
                store.Options.MaxMessages,
                store.Options.MaxBytes,
                smtp.Value.MaxRecipients,
                limits.MaxHeaderFieldBytes,
                limits.MaxHeaderBlockBytes,
                limits.MaxMimeDepth,
                limits.MaxMimeParts),
            new TlsDto(tls.Certificate is not null, tls.Sha256Fingerprint),
            waiters.Current);
    }
}
