namespace Sandbox.Core.Mime;

/// <summary>A mailbox from a header: display name (decoded) and address.</summary>
public sealed record MailAddress(string? Name, string Address);
