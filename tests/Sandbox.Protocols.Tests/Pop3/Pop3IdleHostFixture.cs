namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>A Sandbox whose POP3 idle timeout is short enough to observe in a test.</summary>
public sealed class Pop3IdleHostFixture : Pop3HostFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Sandbox:Pop3:IdleTimeout"] = "00:00:00.300" };
}
