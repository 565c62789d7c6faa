using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sandbox.Core.Store;
using Sandbox.Protocols.Tls;
using Sandbox.Protocols.Transport;

namespace Sandbox.Protocols.Pop3;

/// <summary>
/// The POP3 listeners: the plain port (STLS when TLS is on) and, with TLS, the implicit-TLS
/// port (RFC 8314), published as "pop3" and "pop3s".
/// </summary>
public sealed class Pop3ListenerService : ProtocolListenerService
{
    public const string PlainName = "pop3";
    public const string ImplicitTlsName = "pop3s";

    private static readonly byte[] s_tooMany = "-ERR [SYS/TEMP] too many connections, try again later\r\n"u8.ToArray();

    private readonly Pop3Options _options;
    private readonly MessageStore _store;
    private readonly CredentialCheck _credentials;

    public Pop3ListenerService(
        IOptions<Pop3Options> options,
        IOptions<ListenOptions> listen,
        TlsCertificateProvider tls,
        MessageStore store,
        BoundEndpoints bound,
        ILogger<Pop3ListenerService> logger)
        : base(
            "POP3",
            IPAddress.Parse(listen.Value.ListenAddress),
            ListenerEndpoint.PlainAndImplicitTls(PlainName, options.Value.Port, ImplicitTlsName, options.Value.TlsPort, tls.Certificate),
            new ConnectionLimiter(options.Value.MaxConnections, options.Value.MaxConnectionsPerAddress),
            tls.Certificate,
            bound,
            logger)
    {
        _options = options.Value;
        _store = store;
        CredentialCheck.TryParse(_options.Users, out _credentials);
    }

    protected override ReadOnlyMemory<byte> TooManyConnectionsReply => s_tooMany;

    protected override Task RunSessionAsync(Connection connection, CancellationToken cancellationToken) =>
        new Pop3Session(connection, _options, _credentials, _store, Certificate, Logger).RunAsync(cancellationToken);
}
