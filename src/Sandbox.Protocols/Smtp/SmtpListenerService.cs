using System.Net;
using System.Security.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandbox.Core.Ingest;
using Sandbox.Protocols.Tls;
using Sandbox.Protocols.Transport;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace Sandbox.Protocols.Smtp;

/// <summary>
/// Hosts the SmtpServer package: binds in <see cref="StartAsync"/> (so a started host has its
/// ports, port 0 included) and runs the accept loop until stopped.
/// </summary>
public sealed class SmtpListenerService : IHostedService, IDisposable
{
    public const string PlainName = "smtp";
    public const string ImplicitTlsName = "smtps";

    private readonly SmtpOptions _options;
    private readonly ListenOptions _listen;
    private readonly TlsCertificateProvider _tls;
    private readonly MessageIngestor _ingestor;
    private readonly CredentialCheck _credentials;
    private readonly BoundEndpoints _endpoints;
    private readonly ILogger<SmtpListenerService> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private SmtpServerHost? _server;
    private Task? _running;

    public SmtpListenerService(
        IOptions<SmtpOptions> options,
        IOptions<ListenOptions> listen,
        TlsCertificateProvider tls,
        MessageIngestor ingestor,
        BoundEndpoints endpoints,
        ILogger<SmtpListenerService> logger)
    {
        _options = options.Value;
        _listen = listen.Value;
        _tls = tls;
        _ingestor = ingestor;
        _endpoints = endpoints;
        _logger = logger;
        CredentialCheck.TryParse(_options.Users, out _credentials);
        _endpoints.Expect(PlainName);
        if (ImplicitTlsEnabled)
        {
            _endpoints.Expect(ImplicitTlsName);
        }
    }

    private bool ImplicitTlsEnabled => _tls.Certificate is not null && _options.TlsPort >= 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(_listen.ListenAddress);
        var expected = ImplicitTlsEnabled ? 2 : 1;
        var allBound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var boundCount = 0;
        var factory = new GuardedEndpointListenerFactory(_options, (definition, local) =>
        {
            _endpoints.Bound(definition.IsSecure ? ImplicitTlsName : PlainName, (IPEndPoint)local);
            SmtpLog.Listening(_logger, local, definition.IsSecure);
            if (Interlocked.Increment(ref boundCount) == expected)
            {
                allBound.TrySetResult();
            }
        });

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new SandboxMessageStore(_ingestor));
        services.Add(new SandboxMailboxFilter(_options.MaxRecipients));
        services.Add(new SandboxUserAuthenticator(_credentials));
        services.Add(factory);

        _server = new SmtpServerHost(BuildOptions(address), services);
        _server.SessionCreated += OnSessionCreated;
        _server.SessionFaulted += (_, e) => SmtpLog.SessionFaulted(_logger, e.Context.SessionId, e.Exception);
        _running = _server.StartAsync(_stopping.Token);

        var first = await Task.WhenAny(allBound.Task, _running).WaitAsync(cancellationToken);
        await first; // surfaces a bind failure (port in use, bad address) at start-up
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null || _running is null)
        {
            return;
        }

        _server.Shutdown();
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public void Dispose() => _stopping.Dispose();

    private ISmtpServerOptions BuildOptions(IPAddress address)
    {
        const SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        var certificate = _tls.Certificate;
        var builder = new SmtpServerOptionsBuilder()
            .ServerName(_options.ServerName)
            .MaxMessageSize(_options.MaxMessageSize, MaxMessageSizeHandling.Ignore)
            .MaxAuthenticationAttempts(_options.MaxAuthenticationAttempts)
            .CommandWaitTimeout(_options.IdleTimeout)
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(address, _options.Port))
                    .AllowUnsecureAuthentication(true)
                    .AuthenticationRequired(false)
                    .SessionTimeout(_options.SessionTimeout)
                    .SupportedSslProtocols(protocols);
                if (certificate is not null)
                {
                    e.Certificate(certificate);
                }
            });

        if (ImplicitTlsEnabled)
        {
            builder.Endpoint(e => e.Endpoint(new IPEndPoint(address, _options.TlsPort))
                .IsSecure(true)
                .Certificate(certificate!)
                .AllowUnsecureAuthentication(true)
                .SessionTimeout(_options.SessionTimeout)
                .SupportedSslProtocols(protocols));
        }

        return builder.Build();
    }

    private void OnSessionCreated(object? sender, SessionEventArgs e)
    {
        var context = e.Context;
        SmtpLog.SessionStarted(_logger, context.SessionId, context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var ep) ? ep : null);
        context.CommandExecuting += (_, c) =>
        {
            switch (c.Command)
            {
                case HeloCommand helo:
                    context.Properties[SmtpSessionKeys.Helo] = helo.DomainOrAddress;
                    break;
                case EhloCommand ehlo:
                    context.Properties[SmtpSessionKeys.Helo] = ehlo.DomainOrAddress;
                    break;
                case DataCommand:
                    (context.Pipe as SmtpPipe)?.BeginData();
                    break;
                default:
                    break;
            }
        };
        context.CommandExecuted += (_, _) => (context.Pipe as SmtpPipe)?.EndData();
    }
}
