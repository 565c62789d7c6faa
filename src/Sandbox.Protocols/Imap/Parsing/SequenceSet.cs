using System.Globalization;

namespace Sandbox.Protocols.Imap.Parsing;

/// <summary>
/// A sequence set of RFC 3501 section 9 (<c>1,3:5,7:*</c>), kept as ranges and never expanded:
/// <c>1:4294967295</c> costs nothing. <c>*</c> is stored as -1 and resolved against the mailbox.
/// </summary>
internal sealed class SequenceSet
{
    public const long Star = -1;

    private SequenceSet(List<(long From, long To)> ranges) => Ranges = ranges;

    public IReadOnlyList<(long From, long To)> Ranges { get; }

    public static SequenceSet Parse(string text)
    {
        var ranges = new List<(long, long)>();
        foreach (var item in text.Split(','))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var from = Number(colon < 0 ? item : item[..colon]);
            var to = colon < 0 ? from : Number(item[(colon + 1)..]);
            ranges.Add((from, to));
        }

        return new SequenceSet(ranges);
    }

    public static bool LooksLikeSet(string text) =>
        text.Length > 0 && text.All(c => c is (>= '0' and <= '9') or ':' or ',' or '*');

    /// <summary>The ranges with <c>*</c> replaced by <paramref name="star"/> and each ordered low to high.</summary>
    public IEnumerable<(uint Low, uint High)> Resolve(uint star)
    {
        foreach (var (from, to) in Ranges)
        {
            var a = from == Star ? star : (uint)from;
            var b = to == Star ? star : (uint)to;
            yield return a <= b ? (a, b) : (b, a);
        }
    }

    private static long Number(string text)
    {
        if (text == "*")
        {
            return Star;
        }

        if (text.Length is 0 or > 10 || !uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
        {
            throw new ImapSyntaxException("Invalid sequence set.");
        }

        return n;
    }
}
