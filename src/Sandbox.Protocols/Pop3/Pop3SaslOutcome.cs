namespace Sandbox.Protocols.Pop3;

/// <summary>The result of one SASL exchange; the password never leaves the session or reaches a log.</summary>
internal sealed record Pop3SaslOutcome(Pop3SaslStatus Status, string User = "", string Password = "")
{
    public static readonly Pop3SaslOutcome Cancelled = new(Pop3SaslStatus.Cancelled);
    public static readonly Pop3SaslOutcome Malformed = new(Pop3SaslStatus.Malformed);
    public static readonly Pop3SaslOutcome Disconnected = new(Pop3SaslStatus.Disconnected);
}
