namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>A Sandbox that allows one POP3 connection per client address.</summary>
public sealed class Pop3LimitsHostFixture : Pop3HostFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Sandbox:Pop3:MaxConnectionsPerAddress"] = "1" };
}
