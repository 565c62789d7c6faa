using System.Buffers;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace Sandbox.Protocols.Smtp;

/// <summary>
/// The connection pipe SmtpServer reads from, wrapping the library's own pipe for two things
/// the library does not do: releasing the connection-cap slot when the session ends, and a
/// defined outcome for an empty DATA. SmtpServer 11.1.0 looks for CRLF "." CRLF after the 354
/// reply, so a client that sends "." right away (an empty message) would hang until the
/// session timeout. While armed by a DATA command, a lone "." CRLF as the very first bytes is
/// presented as CRLF "." CRLF: the library then ends DATA with an empty message, which the
/// store rejects with 554.
/// </summary>
internal sealed class SmtpPipe(ISecurableDuplexPipe inner, Action release) : ISecurableDuplexPipe
{
    private readonly DataAwareReader _reader = new(inner);
    private int _disposed;

    public PipeReader Input => _reader;

    public PipeWriter Output => inner.Output;

    public bool IsSecure => inner.IsSecure;

    public SslProtocols SslProtocol => inner.SslProtocol;

    /// <summary>Called when a DATA command starts executing.</summary>
    public void ArmForData() => _reader.Armed = true;

    /// <summary>Called when any command has finished.</summary>
    public void Disarm() => _reader.Armed = false;

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

    private sealed class DataAwareReader(ISecurableDuplexPipe pipe) : PipeReader
    {
        private static readonly ReadOnlySequence<byte> EndOfEmptyData = new("\r\n.\r\n"u8.ToArray());
        private ReadOnlySequence<byte>? _replaced;

        public bool Armed { get; set; }

        // The library's reader is replaced on STARTTLS: always ask the pipe for the current one.
        private PipeReader Inner => pipe.Input;

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            if (_replaced is { } original)
            {
                _replaced = null;
                var all = EndOfEmptyData.Slice(consumed).IsEmpty;
                Inner.AdvanceTo(all ? original.GetPosition(3) : original.Start);
                return;
            }

            Inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => Inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => Inner.Complete(exception);

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var result = await Inner.ReadAsync(cancellationToken);
            return Armed ? Transform(result) : result;
        }

        public override bool TryRead(out ReadResult result)
        {
            if (!Inner.TryRead(out result))
            {
                return false;
            }

            if (Armed)
            {
                result = Transform(result);
            }

            return true;
        }

        private ReadResult Transform(ReadResult result)
        {
            var buffer = result.Buffer;
            if (buffer.IsEmpty)
            {
                return result;
            }

            Span<byte> head = stackalloc byte[3];
            var n = (int)Math.Min(3, buffer.Length);
            buffer.Slice(0, n).CopyTo(head);
            if (head[0] != (byte)'.' || (n > 1 && head[1] != (byte)'\r') || (n > 2 && head[2] != (byte)'\n'))
            {
                Armed = false;
                return result;
            }

            if (n < 3)
            {
                // "." or ".\r" so far: let the library ask for more.
                return result;
            }

            Armed = false;
            _replaced = buffer;
            return new ReadResult(EndOfEmptyData, result.IsCanceled, isCompleted: false);
        }
    }
}
