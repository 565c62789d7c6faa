namespace Sandbox.Protocols.Transport;

/// <summary>The outcome of reading one command line.</summary>
public enum LineStatus
{
    /// <summary>A complete line (without its CRLF or LF).</summary>
    Line,

    /// <summary>The line exceeded the limit; it was read and discarded up to its LF.</summary>
    TooLong,

    /// <summary>The client said nothing for the idle timeout.</summary>
    Timeout,

    /// <summary>The client closed the connection.</summary>
    Closed,
}
