namespace Sandbox.Protocols.Imap.Parsing;

/// <summary>A command argument does not follow the RFC 3501 grammar; answered with a tagged BAD.</summary>
public sealed class ImapSyntaxException : Exception
{
    public ImapSyntaxException()
    {
    }

    public ImapSyntaxException(string message)
        : base(message)
    {
    }

    public ImapSyntaxException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
