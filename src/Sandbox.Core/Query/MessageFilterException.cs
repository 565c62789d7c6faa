namespace Sandbox.Core.Query;

/// <summary>A filter parameter could not be understood; the message names the problem.</summary>
public sealed class MessageFilterException : FormatException
{
    public MessageFilterException()
    {
    }

    public MessageFilterException(string message)
        : base(message)
    {
    }

    public MessageFilterException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Client text echoed in an error: printable ASCII only, bounded.</summary>
    internal static string Quote(string value) =>
        new(value.Take(80).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
