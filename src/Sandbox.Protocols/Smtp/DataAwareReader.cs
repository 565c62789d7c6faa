using System.Buffers;
using System.IO.Pipelines;
using SmtpServer.IO;
using SmtpServer.Protocol;

namespace Sandbox.Protocols.Smtp;

/// <summary>
/// The input side of <see cref="SmtpPipe"/>. Outside DATA it passes reads through. During
/// DATA it (a) presents a lone "." CRLF at the very start as CRLF "." CRLF, so the library
/// ends DATA with an empty message, and (b) once the data exceeds the size limit, consumes and
/// discards it up to and including CRLF "." CRLF and ends the DATA command with a 552 reply
/// (written here, then an <see cref="SmtpResponseException"/> without quit ends the command and
/// the library reads the next one). Memory stays bounded by the size limit.
/// </summary>
internal sealed class DataAwareReader(ISecurableDuplexPipe pipe, long maxMessageSize) : PipeReader
{
    private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();
    private static readonly ReadOnlySequence<byte> EndOfDataSequence = new(EndOfData);
    private static readonly SmtpResponse TooLarge = new(SmtpReplyCode.SizeLimitExceeded, "5.3.4 Message too big for system");
    private static readonly byte[] TooLargeReply = "552 5.3.4 Message too big for system\r\n"u8.ToArray();
    private readonly long _limit = maxMessageSize + 1024;
    private ReadOnlySequence<byte>? _replaced;
    private ReadOnlySequence<byte>? _last;
    private bool _inData;
    private bool _atStart;
    private long _consumed;

    // The library's reader is replaced on STARTTLS: always ask the pipe for the current one.
    private PipeReader Inner => pipe.Input;

    public void BeginData()
    {
        _inData = true;
        _atStart = true;
        _consumed = 0;
    }

    public void EndData()
    {
        _inData = false;
        _atStart = false;
        _last = null;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        if (_replaced is { } original)
        {
            _replaced = null;
            var all = EndOfDataSequence.Slice(consumed).IsEmpty;
            Inner.AdvanceTo(all ? original.GetPosition(3) : original.Start);
            return;
        }

        if (_last is { } last)
        {
            _consumed += last.Slice(last.Start, consumed).Length;
            _last = null;
        }

        Inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => Inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => Inner.Complete(exception);

    public override bool TryRead(out ReadResult result)
    {
        if (_inData)
        {
            // Keep every DATA read on the path that checks it.
            result = default;
            return false;
        }

        return Inner.TryRead(out result);
    }

    // Outside DATA every read is the library's own, unwrapped: no extra async state machine
    // per command line.
    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
        _inData ? ReadDataAsync(cancellationToken) : Inner.ReadAsync(cancellationToken);

    private async ValueTask<ReadResult> ReadDataAsync(CancellationToken cancellationToken)
    {
        var result = await Inner.ReadAsync(cancellationToken);
        if (!_inData || result.Buffer.IsEmpty)
        {
            return result;
        }

        if (_atStart)
        {
            switch (StartsWithLoneDot(result.Buffer))
            {
                case null:
                    return result; // "." or ".\r" so far: let the library ask for more.
                case true:
                    _atStart = false;
                    _replaced = result.Buffer;
                    return new ReadResult(EndOfDataSequence, isCanceled: false, isCompleted: false);
                default:
                    _atStart = false;
                    break;
            }
        }

        if (_consumed + result.Buffer.Length > _limit)
        {
            _last = null;
            if (await DiscardToEndOfDataAsync(result, cancellationToken) is { } end)
            {
                return end; // the client left mid-DATA: nothing is stored
            }

            EndData();

            // SmtpServer 11.1.0 continues the session after a non-quit SmtpResponseException
            // raised while reading DATA but does not write its reply: write it here.
            await pipe.Output.WriteAsync(TooLargeReply, cancellationToken);
            throw new SmtpResponseException(TooLarge, false);
        }

        _last = result.Buffer;
        return result;
    }

    /// <summary>Consumes input through CRLF "." CRLF; returns the last read only if the client left first.</summary>
    private async ValueTask<ReadResult?> DiscardToEndOfDataAsync(ReadResult result, CancellationToken cancellationToken)
    {
        while (true)
        {
            var buffer = result.Buffer;
            var end = IndexOf(buffer, EndOfData);
            if (end >= 0)
            {
                Inner.AdvanceTo(buffer.GetPosition(end + EndOfData.Length));
                return null;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return result;
            }

            // Keep the last bytes: the end-of-data sequence may straddle two reads.
            var keep = Math.Min(buffer.Length, EndOfData.Length - 1);
            Inner.AdvanceTo(buffer.GetPosition(buffer.Length - keep), buffer.End);
            result = await Inner.ReadAsync(cancellationToken);
        }
    }

    /// <summary>True for "." CRLF, false for anything else, null when too short to tell.</summary>
    private static bool? StartsWithLoneDot(ReadOnlySequence<byte> buffer)
    {
        Span<byte> head = stackalloc byte[3];
        var n = (int)Math.Min(3, buffer.Length);
        buffer.Slice(0, n).CopyTo(head);
        if (head[0] != (byte)'.' || (n > 1 && head[1] != (byte)'\r') || (n > 2 && head[2] != (byte)'\n'))
        {
            return false;
        }

        return n < 3 ? null : true;
    }

    private static long IndexOf(ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> value)
    {
        if (buffer.IsSingleSegment)
        {
            return buffer.FirstSpan.IndexOf(value);
        }

        var reader = new SequenceReader<byte>(buffer);
        return reader.TryReadTo(out ReadOnlySequence<byte> before, value, advancePastDelimiter: false) ? before.Length : -1;
    }
}
