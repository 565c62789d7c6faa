namespace Sandbox.Testing;

/// <summary><see cref="SandboxClient.AssertNoMessageAsync"/> found a matching message.</summary>
public sealed class SandboxUnexpectedMessageException : Exception
{
    public SandboxUnexpectedMessageException()
    {
    }

    public SandboxUnexpectedMessageException(string message)
        : base(message)
    {
    }

    public SandboxUnexpectedMessageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
