using Microsoft.Extensions.DependencyInjection;
using Sandbox.Testing;

namespace Sandbox.Server.Tests;

/// <summary>One Sandbox per test class (a fresh store per class).</summary>
public class SandboxFixture : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    protected virtual Action<IServiceCollection>? Services => null;

    public async ValueTask InitializeAsync() => Host = await SandboxHost.StartAsync(Settings, Services, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
