namespace Sandbox.Protocols.Pop3;

/// <summary>How a SASL exchange ended.</summary>
internal enum Pop3SaslStatus
{
    /// <summary>The client sent a user name and password to check.</summary>
    Credentials,

    /// <summary>The client sent "*" (RFC 5034 section 4).</summary>
    Cancelled,

    /// <summary>A response was not base64, too long, or not a valid PLAIN message.</summary>
    Malformed,

    /// <summary>The client left or went idle mid-exchange.</summary>
    Disconnected,
}
