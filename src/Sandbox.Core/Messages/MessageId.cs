using System.Globalization;

namespace Sandbox.Core.Messages;

/// <summary>
/// Public message ids: 8 hex digits of the store's UIDVALIDITY followed by 8 hex digits of the
/// sequence number. Ids are therefore unique across restarts (the validity is the start-up
/// epoch), map to the sequence number in O(1), and anything else (path tricks included) is
/// simply not an id.
/// </summary>
public static class MessageId
{
    public const int Length = 16;

    public static string Format(uint uidValidity, uint seq) =>
        string.Create(Length, (uidValidity, seq), static (span, state) =>
        {
            state.uidValidity.TryFormat(span, out _, "x8", CultureInfo.InvariantCulture);
            state.seq.TryFormat(span[8..], out _, "x8", CultureInfo.InvariantCulture);
        });

    public static bool TryParse(string? id, uint uidValidity, out uint seq)
    {
        seq = 0;
        if (id is null || id.Length != Length)
        {
            return false;
        }

        var span = id.AsSpan();
        foreach (var c in span)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return uint.TryParse(span[..8], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var validity)
            && validity == uidValidity
            && uint.TryParse(span[8..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out seq)
            && seq != 0;
    }
}
