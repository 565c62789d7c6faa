using Sandbox.Protocols.Smtp;

namespace Sandbox.Protocols.Pop3;

/// <summary>The POP3 listener (<c>Sandbox:Pop3</c>).</summary>
public sealed class Pop3Options
{
    public const string SectionName = "Sandbox:Pop3";

    /// <summary>Plain POP3 port (STLS when TLS is on); 0 binds an ephemeral port.</summary>
    public int Port { get; set; } = 1110;

    /// <summary>Implicit-TLS port, bound only when TLS is on; 0 = ephemeral, -1 = off.</summary>
    public int TlsPort { get; set; } = 1995;

    /// <summary>How long a client may stay silent between commands (security.md: 10 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public int MaxConnections { get; set; } = 1_000;

    public int MaxConnectionsPerAddress { get; set; } = 200;

    /// <summary>Longest command line in bytes, CRLF excluded (RFC 2449 allows 255; we allow 512).</summary>
    public int MaxLineLength { get; set; } = 512;

    /// <summary>Failed USER/PASS or AUTH attempts before the connection is closed.</summary>
    public int MaxAuthenticationAttempts { get; set; } = 3;

    /// <summary>Accepted credentials as <c>user:password</c>. Empty: any credentials are accepted.</summary>
    public IList<string> Users { get; } = [];

    /// <summary>Parses <see cref="Users"/> with the same rule as SMTP; returns an error for a malformed entry.</summary>
    public static string? ParseUsers(IEnumerable<string> users, out Dictionary<string, string> parsed) =>
        SmtpOptions.ParseUsers(users, out parsed);
}
