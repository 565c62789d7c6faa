namespace Sandbox.Testing;

/// <summary>
/// A wait of <see cref="SandboxClient"/> ended without enough matching mail. The message lists
/// the filter, the time waited, what did arrive after the cursor, and how many matching
/// messages the store evicted meanwhile.
/// </summary>
public sealed class SandboxWaitTimeoutException : TimeoutException
{
    public SandboxWaitTimeoutException()
    {
    }

    public SandboxWaitTimeoutException(string message)
        : base(message)
    {
    }

    public SandboxWaitTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Matching messages evicted by the store's capacity policy during the wait.</summary>
    public int Evicted { get; init; }
}
