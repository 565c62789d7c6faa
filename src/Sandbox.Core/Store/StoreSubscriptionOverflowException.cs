namespace Sandbox.Core.Store;

/// <summary>The subscriber fell too far behind the store; it must resynchronise.</summary>
public sealed class StoreSubscriptionOverflowException : Exception
{
    public StoreSubscriptionOverflowException()
        : base("The subscriber fell behind the store's change feed and must resynchronise.")
    {
    }

    public StoreSubscriptionOverflowException(string message)
        : base(message)
    {
    }

    public StoreSubscriptionOverflowException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
