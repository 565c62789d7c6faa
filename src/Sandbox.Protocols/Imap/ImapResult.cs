namespace Sandbox.Protocols.Imap;

/// <summary>The tagged completion of one command: status, optional response code, text.</summary>
internal readonly record struct ImapResult(ImapStatus Status, string? Code, string Text)
{
    public static ImapResult Ok(string text, string? code = null) => new(ImapStatus.Ok, code, text);

    public static ImapResult No(string text, string? code = null) => new(ImapStatus.No, code, text);

    public static ImapResult Bad(string text) => new(ImapStatus.Bad, null, text);

    /// <summary>No tagged reply (LOGOUT already wrote one, or the connection is gone).</summary>
    public static readonly ImapResult None = new(ImapStatus.None, null, "");
}
