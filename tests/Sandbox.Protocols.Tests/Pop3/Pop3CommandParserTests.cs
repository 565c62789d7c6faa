using System.Text;
using Sandbox.Protocols.Pop3;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>The pure parser, the TOP slicer, SASL decoding, and the command table's completeness.</summary>
public class Pop3CommandParserTests
{
    [Theory]
    [InlineData("retr 1", "Retr", new[] { "1" })]
    [InlineData("TOP  2   0", "Top", new[] { "2", "0" })]
    [InlineData("PASS pass word with spaces", "Pass", new[] { "pass word with spaces" })]
    [InlineData("LAST", "Unknown", new string[0])]
    [InlineData("APOP a b", "Unknown", new string[0])]
    [InlineData("", "Unknown", new string[0])]
    public void Parse_Line_CommandAndArguments(string line, string command, string[] arguments)
    {
        var request = Pop3CommandParser.Parse(Encoding.ASCII.GetBytes(line));

        Assert.Equal(Enum.Parse<Pop3Command>(command), request.Command);
        Assert.Equal(arguments, request.Arguments);
    }

    [Theory]
    [InlineData("1", true, 1)]
    [InlineData("007", true, 7)]
    [InlineData("99999999999999999999", true, int.MaxValue)]
    [InlineData("-1", false, 0)]
    [InlineData("+1", false, 0)]
    [InlineData("1a", false, 0)]
    [InlineData("", false, 0)]
    public void TryParseNumber_Text_DigitsOnlyClamped(string text, bool ok, int value)
    {
        var parsed = Pop3CommandParser.TryParseNumber(text, out var number);

        Assert.Equal(ok, parsed);
        Assert.Equal(value, number);
    }

    [Theory]
    [InlineData("\r\nbody\r\n", 0, "\r\n")]
    [InlineData("A: b\r\nC: d\r\n", 5, "A: b\r\nC: d\r\n")]
    [InlineData("A: b\r\n\r\n1\r\n2\r\n", 1, "A: b\r\n\r\n1\r\n")]
    public void Top_EdgeCases_HeaderBlankLineAndLines(string raw, int lines, string expected)
    {
        var slice = Pop3MessageSlice.Top(Encoding.ASCII.GetBytes(raw), lines);

        Assert.Equal(expected, Encoding.ASCII.GetString(slice.Span));
    }

    [Fact]
    public void Sasl_PlainWithAuthzid_UsesAuthenticationIdentity()
    {
        var decoded = Pop3Sasl.Decode(Convert.ToBase64String("admin\0bob\0pw"u8.ToArray()));

        Assert.True(Pop3Sasl.TryParsePlain(decoded!, out var user, out var password));
        Assert.Equal(("bob", "pw"), (user, password));
        Assert.Null(Pop3Sasl.Decode("not base64!"));
        Assert.Equal(string.Empty, Pop3Sasl.Decode("="));
    }

    [Fact]
    public void CommandTable_EveryCommandHasARowAndAHandlerState()
    {
        var known = Enum.GetValues<Pop3Command>().Where(c => c != Pop3Command.Unknown);

        foreach (var command in known)
        {
            var info = Pop3CommandTable.Find(command);
            Assert.NotNull(info);
            Assert.NotEqual(Pop3State.None, info.States);
        }

        Assert.Equal(Pop3CommandTable.Commands.Count, Pop3CommandTable.Commands.Select(c => c.Command).Distinct().Count());
    }
}
