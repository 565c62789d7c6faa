namespace Sandbox.Server.Api;

/// <summary>The assertion API's limits (<c>Sandbox:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Sandbox:Api";

    /// <summary>Concurrent <c>/messages/wait</c> requests; beyond it a wait gets 429.</summary>
    public int MaxConcurrentWaiters { get; set; } = 1_000;

    /// <summary>Concurrent <c>/events</c> streams; beyond it a stream gets 429.</summary>
    public int MaxEventStreams { get; set; } = 100;
}
