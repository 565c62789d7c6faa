using Sandbox.Core.Messages;
using Sandbox.Core.Query;

namespace Sandbox.Core.Tests.Query;

public class MessageFilterTests
{
    private static MessageFilter Parse(params (string Key, string Value)[] pairs) =>
        MessageFilterParser.Parse(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    [Fact]
    public void To_ExactAddress_DoesNotMatchLongerAddress()
    {
        var store = TestMessages.NewStore();
        var ba = TestMessages.Add(store, "To: ba@x.test\n\nhi\n", rcptTo: "ba@x.test");
        var a = TestMessages.Add(store, "To: A@X.test\n\nhi\n", rcptTo: "a@x.test");

        var filter = Parse(("to", "a@x.test"));

        Assert.False(filter.Matches(ba));
        Assert.True(filter.Matches(a));
    }

    [Fact]
    public void To_EnvelopeOnlyRecipient_MatchesAsBcc()
    {
        var store = TestMessages.NewStore();
        var message = TestMessages.Add(store, "To: a@x.test\n\nhi\n", rcptTo: ["a@x.test", "hidden@x.test"]);

        Assert.True(Parse(("to", "hidden@x.test")).Matches(message));
        Assert.True(Parse(("q", "bcc:hidden")).Matches(message));
        Assert.False(Parse(("q", "bcc:a@x.test")).Matches(message));
    }

    [Fact]
    public void To_Repeated_MatchesAnyOf()
    {
        var store = TestMessages.NewStore();
        var message = TestMessages.Add(store, "To: b@x.test\n\nhi\n", rcptTo: "b@x.test");

        Assert.True(Parse(("to", "a@x.test"), ("to", "b@x.test")).Matches(message));
        Assert.False(Parse(("to", "a@x.test"), ("to", "c@x.test")).Matches(message));
    }

    [Fact]
    public void Header_NameCaseInsensitiveValueContains_Matches()
    {
        var store = TestMessages.NewStore();
        var message = TestMessages.Add(store, "X-Tenant: Blue-Team\nSubject: s\n\nhi\n");

        Assert.True(Parse(("header", "x-tenant:blue")).Matches(message));
        Assert.True(Parse(("header", "X-Tenant:")).Matches(message));
        Assert.False(Parse(("header", "X-Tenant:red")).Matches(message));
        Assert.False(Parse(("header", "X-Other:blue")).Matches(message));
    }

    [Fact]
    public void Search_PhrasesNegationAndFlags_Evaluate()
    {
        var store = TestMessages.NewStore();
        var reset = TestMessages.Add(store, "From: Shop <shop@x.test>\nSubject: Reset your password\n\nclick here\n");
        var other = TestMessages.Add(store, "Subject: Password reset disabled\n\nyour account\n");
        store.UpdateFlags(other, MessageFlags.Seen, MessageFlags.None);

        Assert.True(Parse(("q", "\"reset your\"")).Matches(reset));
        Assert.False(Parse(("q", "\"reset your\"")).Matches(other));
        Assert.True(Parse(("q", "password -disabled")).Matches(reset));
        Assert.False(Parse(("q", "password -disabled")).Matches(other));
        Assert.True(Parse(("q", "is:read")).Matches(other));
        Assert.True(Parse(("q", "is:unread from:shop subject:\"your password\"")).Matches(reset));
        Assert.True(Parse(("q", "smaller:1k -larger:1m -has:attachment")).Matches(reset));
        Assert.False(Parse(("q", "larger:1k")).Matches(reset));
        Assert.True(Parse(("q", "after:2026-01-01 before:2026-01-03")).Matches(reset));
        Assert.False(Parse(("q", "before:2026-01-01")).Matches(reset));
    }

    [Fact(Timeout = 20_000)]
    public async Task SubjectRegex_CatastrophicPattern_StaysLinearAndEnforcesTimeout()
    {
        var store = TestMessages.NewStore();
        var message = TestMessages.Add(store, $"Subject: {new string('a', 5_000)}!\n\nhi\n");
        var filter = Parse(("subjectRegex", "^(a+)+$"));

        var matched = await Task.Run(() => filter.Matches(message), TestContext.Current.CancellationToken);

        Assert.False(matched);
        Assert.Equal(SafeRegex.MatchTimeout, filter.SubjectRegex!.MatchTimeout);
        Assert.True(filter.SubjectRegex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
    }

    [Theory]
    [InlineData("hasAttachment", "perhaps", "hasAttachment")]
    [InlineData("after", "-3", "after")]
    [InlineData("since", "not a time", "since")]
    [InlineData("header", ":value", "header")]
    [InlineData("subjectRegex", "(unclosed", "subjectRegex")]
    [InlineData("subjectRegex", @"(a)\1", "subjectRegex")]
    [InlineData("q", "\"open phrase", "unterminated")]
    [InlineData("q", "is:flagged", "is:flagged")]
    [InlineData("q", "before:someday", "before")]
    [InlineData("q", "to:", "to:")]
    [InlineData("to", "nobody", "to")]
    public void Parse_Malformed_ThrowsNamingTheProblem(string key, string value, string named)
    {
        var error = Assert.Throws<MessageFilterException>(() => Parse((key, value)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SinceAfterReadAndAttachment_Evaluate()
    {
        var store = TestMessages.NewStore();
        var first = TestMessages.Add(store, "Subject: one\n\nhi\n");
        var second = TestMessages.Add(store, "Subject: two\n\nhi\n");

        Assert.True(Parse(("since", "2026-01-02T03:04:05Z")).Matches(first));
        Assert.False(Parse(("since", "2026-01-02T03:04:06Z")).Matches(first));
        Assert.False(Parse(("after", first.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture))).Matches(first));
        Assert.True(Parse(("after", first.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture))).Matches(second));
        Assert.True(Parse(("read", "false"), ("hasAttachment", "false")).Matches(second));
        Assert.False(Parse(("read", "true")).Matches(second));
    }

    [Fact]
    public void Parse_NoFilterKeys_IsEmptyAndMatchesAll()
    {
        var store = TestMessages.NewStore();
        var message = TestMessages.Add(store, "Subject: s\n\nhi\n");

        var filter = Parse(("limit", "5"), ("count", "2"));

        Assert.True(filter.IsEmpty);
        Assert.True(filter.Matches(message));
    }
}
