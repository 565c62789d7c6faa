using System.Security.Cryptography.X509Certificates;

namespace Sandbox.Protocols.Transport;

/// <summary>One socket a protocol listens on: its registry name, port (0 = ephemeral), and whether TLS starts at once.</summary>
public sealed record ListenerEndpoint(string Name, int Port, bool ImplicitTls)
{
    /// <summary>
    /// The plain endpoint, plus the implicit-TLS one when a certificate is configured and its
    /// port is not -1 (off): the rule every mailbox protocol follows.
    /// </summary>
    public static IReadOnlyList<ListenerEndpoint> PlainAndImplicitTls(string plainName, int port, string tlsName, int tlsPort, X509Certificate2? certificate) =>
        certificate is not null && tlsPort >= 0
            ? [new(plainName, port, ImplicitTls: false), new(tlsName, tlsPort, ImplicitTls: true)]
            : [new(plainName, port, ImplicitTls: false)];
}
