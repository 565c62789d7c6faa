namespace Sandbox.Protocols.Tls;

/// <summary>
/// TLS for every protocol (<c>Sandbox:Tls</c>). Off by default: many mail libraries upgrade
/// whenever STARTTLS is offered and then reject a self-signed certificate.
/// </summary>
public sealed class TlsOptions
{
    public const string SectionName = "Sandbox:Tls";

    /// <summary>Empty (TLS off), <c>auto</c> (generated in memory at start-up), or a PEM or PFX path.</summary>
    public string? Certificate { get; set; }

    /// <summary>The private key file for a PEM certificate whose key is not in the same file.</summary>
    public string? CertificateKey { get; set; }

    /// <summary>The password of a PFX file, if any.</summary>
    public string? CertificatePassword { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Certificate);
}
