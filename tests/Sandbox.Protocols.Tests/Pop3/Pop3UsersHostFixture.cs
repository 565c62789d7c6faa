namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>A Sandbox that accepts only one configured POP3 user.</summary>
public sealed class Pop3UsersHostFixture : Pop3HostFixture
{
    public const string User = "tester";
    public const string Password = "s3cret pass";

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Sandbox:Pop3:Users:0"] = $"{User}:{Password}" };
}
