namespace Sandbox.Core.Ingest;

/// <summary>Why a message's raw bytes were refused before parsing.</summary>
public enum PreCheckFailure
{
    None,
    HeaderFieldTooLarge,
    HeaderBlockTooLarge,
}

/// <summary>
/// Byte-level checks run before MimeKit sees a message. Pure functions over the raw bytes.
/// </summary>
public static class RawPreChecks
{
    /// <summary>
    /// Checks the top-level header block: its total size (up to the first empty line) and the
    /// size of each logical field (a line plus its folded continuation lines, RFC 5322 2.2.3).
    /// </summary>
    public static PreCheckFailure CheckHeaders(ReadOnlySpan<byte> raw, IngestLimits limits)
    {
        var fieldStart = 0;
        var pos = 0;
        while (pos < raw.Length)
        {
            var nl = raw[pos..].IndexOf((byte)'\n');
            var lineEnd = nl < 0 ? raw.Length : pos + nl + 1;
            var line = raw[pos..lineEnd];
            var isBlank = line.Length == 0 || line[0] == (byte)'\n' || (line.Length >= 2 && line[0] == (byte)'\r' && line[1] == (byte)'\n');
            if (isBlank)
            {
                return pos - fieldStart > limits.MaxHeaderFieldBytes ? PreCheckFailure.HeaderFieldTooLarge : PreCheckFailure.None;
            }

            var isContinuation = line[0] is (byte)' ' or (byte)'\t';
            if (!isContinuation)
            {
                if (pos - fieldStart > limits.MaxHeaderFieldBytes)
                {
                    return PreCheckFailure.HeaderFieldTooLarge;
                }

                fieldStart = pos;
            }

            if (lineEnd - fieldStart > limits.MaxHeaderFieldBytes)
            {
                return PreCheckFailure.HeaderFieldTooLarge;
            }

            if (lineEnd > limits.MaxHeaderBlockBytes)
            {
                return PreCheckFailure.HeaderBlockTooLarge;
            }

            pos = lineEnd;
        }

        return PreCheckFailure.None;
    }

    /// <summary>
    /// An upper bound of the number of MIME parts: every part starts after a boundary line,
    /// and every boundary line starts with "--" (RFC 2046 section 5.1.1).
    /// </summary>
    public static int CountBoundaryLikeLines(ReadOnlySpan<byte> raw, int stopAfter)
    {
        var count = 0;
        var pos = 0;
        while (pos < raw.Length - 1)
        {
            if (raw[pos] == (byte)'-' && raw[pos + 1] == (byte)'-' && ++count > stopAfter)
            {
                return count;
            }

            var nl = raw[pos..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                break;
            }

            pos += nl + 1;
        }

        return count;
    }
}
