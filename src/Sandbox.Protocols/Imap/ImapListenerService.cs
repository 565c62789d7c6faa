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
            ListenerEndpoint.PlainAndImplicitTls(PlainName, options.Value.Port, ImplicitTlsName, options.Value.TlsPort, tls.Certificate),
            new ConnectionLimiter(options.Value.MaxConnections, options.Value.MaxConnectionsPerAddress),
            tls.Certificate,
            bound,
            logger)
    {
        _options = options.Value;
        _ingestor = ingestor;
        CredentialCheck.TryParse(_options.Users, out _credentials);
    }

    private static readonly byte[] s_tooMany = "* BYE Too many connections, try again later\r\n"u8.ToArray();

    protected override ReadOnlyMemory<byte> TooManyConnectionsReply => s_tooMany;

    protected override Task RunSessionAsync(Connection connection, CancellationToken cancellationToken)
    {
        var session = new ImapSession(connection, _options, _ingestor, _credentials, _folders, Certificate, Logger);
        return session.RunAsync(cancellationToken);
    }
}
