using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandbox.Core.Ingest;
using Sandbox.Protocols.Imap.Mailboxes;
using Sandbox.Protocols.Smtp;
using Sandbox.Protocols.Tls;
using Sandbox.Protocols.Transport;

namespace Sandbox.Protocols.Imap;

/// <summary>The IMAP listeners: "imap" (STARTTLS when TLS is on) and "imaps" (implicit TLS, when TLS is on).</summary>
public sealed class ImapListenerService : ProtocolListenerService
{
    public const string PlainName = "imap";
    public const string ImplicitTlsName = "imaps";

    private readonly ImapOptions _options;
    private readonly MessageIngestor _ingestor;
    private readonly CredentialCheck _credentials;
    private readonly ImapFolders _folders = new();

    public ImapListenerService(
        IOptions<ImapOptions> options,
        IOptions<ListenOptions> listen,
        TlsCertificateProvider tls,
        MessageIngestor ingestor,
        BoundEndpoints bound,
        ILogger<ImapListenerService> logger)
        : base(
            "IMAP",
            IPAddress.Parse(listen.Value.ListenAddress),
            Endpoints(options.Value, tls),
            new ConnectionLimiter(options.Value.MaxConnections, options.Value.MaxConnectionsPerAddress),
            tls.Certificate,
            bound,
            logger)
    {
        _options = options.Value;
        _ingestor = ingestor;
        SmtpOptions.ParseUsers(_options.Users, out var users);
        _credentials = new CredentialCheck(users);
    }

    protected override ReadOnlyMemory<byte> TooManyConnectionsReply => "* BYE Too many connections, try again later\r\n"u8.ToArray();

    protected override Task RunSessionAsync(Connection connection, CancellationToken cancellationToken)
    {
        var session = new ImapSession(connection, _options, _ingestor, _credentials, _folders, Certificate, Logger);
        return session.RunAsync(cancellationToken);
    }

    private static List<ListenerEndpoint> Endpoints(ImapOptions options, TlsCertificateProvider tls)
    {
        var endpoints = new List<ListenerEndpoint> { new(PlainName, options.Port, false) };
        if (tls.Certificate is not null && options.TlsPort >= 0)
        {
            endpoints.Add(new ListenerEndpoint(ImplicitTlsName, options.TlsPort, true));
        }

        return endpoints;
    }
}
