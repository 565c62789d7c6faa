using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Sandbox.Server.Tests;

/// <summary>A Sandbox on a fake clock (timeouts advance only when a test says so) and a tiny store.</summary>
public sealed class FakeClockFixture : SandboxFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-03-04T05:06:07Z", System.Globalization.CultureInfo.InvariantCulture));

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Sandbox:Store:MaxMessages"] = "3",
        ["Sandbox:Api:MaxConcurrentWaiters"] = "2",
    };

    protected override Action<IServiceCollection>? Services => s => s.AddSingleton<TimeProvider>(Clock);
}
