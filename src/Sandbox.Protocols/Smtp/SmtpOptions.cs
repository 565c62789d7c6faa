namespace Sandbox.Protocols.Smtp;

/// <summary>The SMTP listener (<c>Sandbox:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Sandbox:Smtp";

    /// <summary>Plain SMTP port (STARTTLS when TLS is on); 0 binds an ephemeral port.</summary>
    public int Port { get; set; } = 1025;

    /// <summary>Implicit-TLS port, bound only when TLS is on; 0 = ephemeral, -1 = off.</summary>
    public int TlsPort { get; set; } = 1465;

    /// <summary>Largest message accepted, in bytes; advertised as SIZE and enforced while DATA is read.</summary>
    public int MaxMessageSize { get; set; } = 50 * 1024 * 1024;

    /// <summary>
    /// Accepted credentials as <c>user:password</c>. Empty: any credentials are accepted.
    /// </summary>
    public IList<string> Users { get; } = [];

    public int MaxRecipients { get; set; } = 1_000;

    public int MaxConnections { get; set; } = 1_000;

    public int MaxConnectionsPerAddress { get; set; } = 200;

    /// <summary>How long a client may stay silent between commands.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The library's hard cap on a whole session (its default of 2 minutes cuts off bulk senders).</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(24);

    public int MaxAuthenticationAttempts { get; set; } = 3;

    public string ServerName { get; set; } = "sandbox";
}
