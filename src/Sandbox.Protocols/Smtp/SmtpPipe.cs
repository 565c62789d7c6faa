using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace Sandbox.Protocols.Smtp;

/// <summary>
/// The connection pipe SmtpServer reads from, wrapping the library's own pipe (the endpoint
/// listener extension point) for what the library does not do itself:
/// <list type="bullet">
/// <item>releasing the connection-cap slot when the session ends;</item>
/// <item>a defined outcome for an empty DATA (SmtpServer 11.1.0 hangs on "." right after 354);</item>
/// <item>bounded memory for DATA over the size limit: the library's strict mode replies 552 and
/// drops the connection, its lenient mode buffers everything. Here the excess is read and
/// discarded up to the end of data, 552 is replied, and the session goes on.</item>
/// </list>
/// Nothing here parses SMTP: the reader only knows when a DATA command runs (from the
/// library's command events) and looks for the end-of-data sequence CRLF "." CRLF.
/// </summary>
internal sealed class SmtpPipe(ISecurableDuplexPipe inner, long maxMessageSize, Action release) : ISecurableDuplexPipe
{
    private readonly DataAwareReader _reader = new(inner, maxMessageSize);
    private int _disposed;

    public PipeReader Input => _reader;

    public PipeWriter Output => inner.Output;

    public bool IsSecure => inner.IsSecure;

    public SslProtocols SslProtocol => inner.SslProtocol;

    /// <summary>Called when a DATA command starts executing.</summary>
    public void BeginData() => _reader.BeginData();

    /// <summary>Called when any command has finished.</summary>
    public void EndData() => _reader.EndData();

    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken) =>
        inner.UpgradeAsync(certificate, protocols, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            inner.Dispose();
            release();
        }
    }
}
