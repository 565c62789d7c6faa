using System.Buffers;
using System.Text;

namespace Sandbox.Benchmarks;

/// <summary>
/// Messages shaped like the end-to-end load: a ~2 KB plain-text message (what postfix's
/// smtp-source sends with -l 2000) and a ~100 KB multipart message with a base64 attachment.
/// </summary>
internal static class SampleMessages
{
    public static byte[] Small(int seq = 1) => Encoding.ASCII.GetBytes(Headers(seq, "text/plain; charset=us-ascii") + "\r\n" + TextBody(2000));

    public static byte[] Large(int seq = 1)
    {
        var attachment = new byte[75_000];
        new Random(seq).NextBytes(attachment);
        var b64 = Convert.ToBase64String(attachment, Base64FormattingOptions.InsertLineBreaks);
        var sb = new StringBuilder();
        sb.Append(Headers(seq, "multipart/mixed; boundary=\"=_b\""));
        sb.Append("\r\n--=_b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        sb.Append(TextBody(2000));
        sb.Append("--=_b\r\nContent-Type: application/octet-stream; name=\"data.bin\"\r\n");
        sb.Append("Content-Disposition: attachment; filename=\"data.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        sb.Append(b64).Append("\r\n--=_b--\r\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>The bytes as the SMTP library hands them over: several segments, no final CRLF.</summary>
    public static ReadOnlySequence<byte> AsDataSequence(byte[] raw, int segmentSize = 4096)
    {
        var content = raw.AsMemory(0, raw.Length - 2);
        if (content.Length <= segmentSize)
        {
            return new ReadOnlySequence<byte>(content);
        }

        var first = new Segment(content[..segmentSize], 0);
        var last = first;
        for (var pos = segmentSize; pos < content.Length; pos += segmentSize)
        {
            last = last.Append(content[pos..Math.Min(pos + segmentSize, content.Length)]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private static string Headers(int seq, string contentType) =>
        $"From: Sender <sender@bench.local>\r\nTo: rcpt@bench.local\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\n" +
        $"Message-Id: <{seq}.bench@bench.local>\r\nSubject: bench message {seq}\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\n";

    private static string TextBody(int bytes)
    {
        var sb = new StringBuilder(bytes + 80);
        while (sb.Length < bytes)
        {
            sb.Append("La de da de da 1. La de da de da 2. La de da de da 3. La de da de da 4.\r\n");
        }

        return sb.ToString();
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
