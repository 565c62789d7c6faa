using System.Text;
using Sandbox.Core.Mime;

namespace Sandbox.Core.Tests.Mime;

public class AsciiSearchTests
{
    /// <summary>The property the byte-level searches rely on (BodyText, HeaderBlock).</summary>
    [Fact]
    public void OrdinalIgnoreCase_NonAsciiCodeUnit_NeverEqualsAnAsciiCharacter()
    {
        Span<char> other = stackalloc char[1];
        Span<char> ascii = stackalloc char[1];
        var equal = new List<int>();

        for (var c = 0x80; c <= 0xFFFF; c++)
        {
            other[0] = (char)c;
            for (var a = 0; a < 0x80; a++)
            {
                ascii[0] = (char)a;
                if (MemoryExtensions.Equals(other, ascii, StringComparison.OrdinalIgnoreCase))
                {
                    equal.Add(c);
                }
            }
        }

        Assert.Empty(equal);
    }

    [Theory]
    [InlineData("Hello World", "world", true)]
    [InlineData("Hello World", "WORLD!", false)]
    [InlineData("aaab", "AAB", true)]
    [InlineData("ab", "abc", false)]
    [InlineData("x-1: 42", "1: 4", true)]
    [InlineData("anything", "", true)]
    [InlineData("", "a", false)]
    [InlineData("Ends with tail", "TAIL", true)]
    [InlineData("[bracket]", "{BRACKET}", false)]
    public void ContainsIgnoreCase_AsciiBytes_AgreesWithOrdinalIgnoreCase(string haystack, string needle, bool expected)
    {
        Span<byte> bytes = stackalloc byte[AsciiSearch.MaxNeedle];
        Assert.True(AsciiSearch.TryGetBytes(needle, bytes, out var length));

        var found = AsciiSearch.ContainsIgnoreCase(Encoding.ASCII.GetBytes(haystack), bytes[..length]);

        Assert.Equal(expected, found);
        Assert.Equal(haystack.Contains(needle, StringComparison.OrdinalIgnoreCase), found);
    }

    [Theory]
    [InlineData("ünïcode")]
    [InlineData("\u0131")]
    public void TryGetBytes_NonAscii_False(string value)
    {
        Span<byte> bytes = stackalloc byte[AsciiSearch.MaxNeedle];

        Assert.False(AsciiSearch.TryGetBytes(value, bytes, out _));
    }
}
