namespace Sandbox.Core.Store;

/// <summary>Capacity of the in-memory store (<c>Sandbox:Store</c>).</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Sandbox:Store";

    /// <summary>Most messages kept; the oldest is evicted beyond it.</summary>
    public int MaxMessages { get; set; } = 5_000;

    /// <summary>Most raw bytes kept; the oldest messages are evicted beyond it.</summary>
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;
}
