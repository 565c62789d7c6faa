namespace Sandbox.Server.Tests;

/// <summary>A Sandbox whose store keeps two messages, to provoke evictions.</summary>
public sealed class SmallStoreFixture : SandboxFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Sandbox:Store:MaxMessages"] = "2",
        ["Sandbox:Smtp:MaxMessageSize"] = "4096",
    };
}
