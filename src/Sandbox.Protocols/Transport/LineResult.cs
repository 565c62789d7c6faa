namespace Sandbox.Protocols.Transport;

/// <summary>One command line, or why there is none.</summary>
public readonly record struct LineResult(LineStatus Status, byte[] Line)
{
    public static readonly LineResult TooLong = new(LineStatus.TooLong, []);
    public static readonly LineResult Timeout = new(LineStatus.Timeout, []);
    public static readonly LineResult Closed = new(LineStatus.Closed, []);
}
