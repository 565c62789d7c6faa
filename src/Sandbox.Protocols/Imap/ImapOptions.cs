namespace Sandbox.Protocols.Imap;

/// <summary>The IMAP listener (<c>Sandbox:Imap</c>).</summary>
public sealed class ImapOptions
{
    public const string SectionName = "Sandbox:Imap";

    /// <summary>Plain IMAP port (STARTTLS when TLS is on); 0 binds an ephemeral port.</summary>
    public int Port { get; set; } = 1143;

    /// <summary>Implicit-TLS port, bound only when TLS is on; 0 = ephemeral, -1 = off.</summary>
    public int TlsPort { get; set; } = 1993;

    /// <summary>How long a client may stay silent (RFC 3501 5.4: at least 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public int MaxConnections { get; set; } = 1_000;

    public int MaxConnectionsPerAddress { get; set; } = 200;

    /// <summary>Longest command line, literals excluded (RFC 7162 3.2.5 recommends at least 8,192; clients send more).</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;

    public int MaxAuthenticationAttempts { get; set; } = 3;

    /// <summary>Accepted credentials as <c>user:password</c>. Empty: any credentials are accepted.</summary>
    public IList<string> Users { get; } = [];
}
