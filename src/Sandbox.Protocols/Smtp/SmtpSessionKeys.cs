namespace Sandbox.Protocols.Smtp;

/// <summary>Keys of what the Sandbox keeps in an SMTP session's property bag.</summary>
internal static class SmtpSessionKeys
{
    public const string Helo = "Sandbox:Helo";
    public const string RecipientCount = "Sandbox:RecipientCount";
}
