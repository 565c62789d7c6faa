using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sandbox.Protocols.Tls;

/// <summary>
/// Loads (or generates, for <c>auto</c>) the one server certificate shared by SMTP, IMAP and
/// POP3, once, at start-up.
/// </summary>
public sealed class TlsCertificateProvider
{
    private readonly Lazy<X509Certificate2?> _certificate;

    public TlsCertificateProvider(TlsOptions options, TimeProvider time)
    {
        _certificate = new Lazy<X509Certificate2?>(() => options.Enabled ? Load(options, time) : null);
    }

    /// <summary>The certificate, or null when TLS is off.</summary>
    public X509Certificate2? Certificate => _certificate.Value;

    /// <summary>The SHA-256 fingerprint (upper-case hex pairs separated by colons), or null.</summary>
    public string? Sha256Fingerprint =>
        Certificate is { } cert ? string.Join(':', cert.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))) : null;

    /// <summary>Checks a configuration without keeping the result; returns an error or null.</summary>
    public static string? Validate(TlsOptions options)
    {
        if (!options.Enabled || string.Equals(options.Certificate, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!File.Exists(options.Certificate))
        {
            return $"Sandbox:Tls:Certificate: the file '{options.Certificate}' does not exist (use 'auto' or a PEM/PFX path).";
        }

        try
        {
            using var cert = Load(options, TimeProvider.System);
            return cert.HasPrivateKey ? null : $"Sandbox:Tls:Certificate: '{options.Certificate}' has no private key.";
        }
        catch (CryptographicException ex)
        {
            return $"Sandbox:Tls:Certificate: '{options.Certificate}' could not be loaded: {ex.Message}";
        }
    }

    private static X509Certificate2 Load(TlsOptions options, TimeProvider time)
    {
        if (string.Equals(options.Certificate, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return Generate(time);
        }

        var path = options.Certificate!;
        var ext = Path.GetExtension(path);
        if (ext.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || ext.Equals(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }

        using var pem = X509Certificate2.CreateFromPemFile(path, options.CertificateKey);
        return RoundTrip(pem);
    }

    private static X509Certificate2 Generate(TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Sandbox", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = time.GetUtcNow();
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return RoundTrip(cert);
    }

    // On Linux, SslStream can use the key of an ephemeral certificate only after a PKCS#12
    // round trip (protocol-facts.md).
    private static X509Certificate2 RoundTrip(X509Certificate2 cert) =>
        X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
}
