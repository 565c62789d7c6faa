namespace Sandbox.Core.Mime;

/// <summary>One header field as it appears in the message, value decoded (RFC 2047) and unfolded.</summary>
public sealed record HeaderField(string Name, string Value);
