using Sandbox.Core.Mime;

namespace Sandbox.Core.Tests.Mime;

public class BodyDecodingTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("no line ends", "no line ends")]
    [InlineData("a\r\nb\r\n", "a\nb\n")]
    [InlineData("a\rb", "a\rb")]
    [InlineData("a\r\r\nb", "a\r\nb")]
    [InlineData("\r\n\r\n", "\n\n")]
    [InlineData("ends with CR\r", "ends with CR")]
    [InlineData("\r", "")]
    [InlineData("x\n\ry\r\n", "x\n\ry\n")]
    public void ToUnixLineEnds_DropsCrBeforeLfAndAtTheEndOnly(string input, string expected)
    {
        var chars = input.ToCharArray();
        var length = BodyDecoding.ToUnixLineEnds(chars);
        Assert.Equal(expected, new string(chars, 0, length));
    }

    [Fact]
    public void ToUnixLineEnds_LongBody_MatchesCharByCharRule()
    {
        var random = new Random(7);
        var alphabet = "ab\r\n ";
        var input = new string(Enumerable.Range(0, 20_000).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var expected = new System.Text.StringBuilder();
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == '\r' && (i + 1 == input.Length || input[i + 1] == '\n'))
            {
                continue;
            }

            expected.Append(input[i]);
        }

        var chars = input.ToCharArray();
        var length = BodyDecoding.ToUnixLineEnds(chars);
        Assert.Equal(expected.ToString(), new string(chars, 0, length));
    }
}
