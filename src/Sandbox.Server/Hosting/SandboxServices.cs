using Microsoft.Extensions.Options;
using Sandbox.Core.Ingest;
using Sandbox.Core.Store;
using Sandbox.Protocols.Pop3;
using Sandbox.Protocols.Imap;
using Sandbox.Protocols.Smtp;
using Sandbox.Protocols.Tls;
using Sandbox.Protocols.Transport;
using Sandbox.Server.Configuration;
using Sandbox.Server.Security;

namespace Sandbox.Server.Hosting;

/// <summary>Registers the store, the ingest path, options and the protocol listeners.</summary>
internal static class SandboxServices
{
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<SmtpOptions>, SandboxOptionsValidator>();
        services.AddSingleton<IValidateOptions<StoreOptions>, SandboxOptionsValidator>();
        services.AddSingleton<IValidateOptions<TlsOptions>, SandboxOptionsValidator>();
        services.AddSingleton<IValidateOptions<ListenOptions>, SandboxOptionsValidator>();
        services.AddSingleton<IValidateOptions<Pop3Options>, SandboxOptionsValidator>();
        services.AddSingleton<IValidateOptions<ImapOptions>, SandboxOptionsValidator>();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateOnStart();
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName)).ValidateOnStart();
        services.AddOptions<TlsOptions>().Bind(configuration.GetSection(TlsOptions.SectionName)).ValidateOnStart();
        services.AddOptions<ListenOptions>().Bind(configuration.GetSection(ListenOptions.SectionName)).ValidateOnStart();
        services.AddOptions<Pop3Options>().Bind(configuration.GetSection(Pop3Options.SectionName)).ValidateOnStart();
        services.AddOptions<ImapOptions>().Bind(configuration.GetSection(ImapOptions.SectionName)).ValidateOnStart();
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.SectionName));

        services.AddSingleton(sp => new MessageStore(sp.GetRequiredService<IOptions<StoreOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new IngestLimits());
        services.AddSingleton(sp => new MessageIngestor(
            sp.GetRequiredService<MessageStore>(),
            sp.GetRequiredService<IngestLimits>(),
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value.MaxMessageSize));
        services.AddSingleton(sp => new TlsCertificateProvider(sp.GetRequiredService<IOptions<TlsOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BoundEndpoints>();
        services.AddSingleton(sp => new OriginPolicy(sp.GetRequiredService<IOptions<HttpOptions>>().Value.AllowedOrigins.Select(o => o.TrimEnd('/')).ToArray()));
        services.AddOptions<Api.ApiOptions>().Bind(configuration.GetSection(Api.ApiOptions.SectionName))
            .Validate(o => o.MaxConcurrentWaiters > 0 && o.MaxEventStreams > 0, "Sandbox:Api:MaxConcurrentWaiters and MaxEventStreams must be positive.").ValidateOnStart();
        services.AddSingleton<Api.WaiterGauge>();
        services.AddKeyedSingleton<Api.WaiterGauge>(Api.EventsEndpoints.GaugeKey);
        services.AddHostedService<SmtpListenerService>();
        services.AddHostedService<Pop3ListenerService>();
        services.AddHostedService<ImapListenerService>();
        return services;
    }
}
