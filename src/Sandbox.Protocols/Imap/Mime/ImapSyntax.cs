using System.Buffers;

namespace Sandbox.Protocols.Imap.Mime;

/// <summary>
/// The byte classes of the strict header grammar the fast paths accept. They are narrower than
/// the RFCs on purpose: whatever falls outside them goes to MimeKit, so the fast paths only ever
/// see input on which they and MimeKit provably agree (see ImapMimeFastPathTests).
/// </summary>
internal static class ImapSyntax
{
    private const string AlphaNum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A header field name (RFC 5322 2.2 allows more; these are the ones seen in practice).</summary>
    public static readonly SearchValues<byte> FieldNameChars = Create(AlphaNum + "!#$%&'*+-.^_`|~");

    /// <summary>A MIME type, subtype, disposition or parameter name, or an unquoted parameter value.</summary>
    public static readonly SearchValues<byte> TokenChars = Create(AlphaNum + "-+._");

    /// <summary>Inside a quoted parameter value or display name: printable ASCII but quote and backslash.</summary>
    public static readonly SearchValues<byte> QuotedChars = Create(
        new string([.. Enumerable.Range(0x20, 0x5F).Select(c => (char)c).Where(c => c is not ('"' or '\\'))]));

    /// <summary>An atom of a display name or a local part (RFC 5322 atext).</summary>
    public static readonly SearchValues<byte> AtomChars = Create(AlphaNum + "!#$%&'*+-/=?^_`{|}~");

    /// <summary>A domain label.</summary>
    public static readonly SearchValues<byte> LabelChars = Create(AlphaNum + "-");

    /// <summary>Blanks between tokens.</summary>
    public static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';

    private static SearchValues<byte> Create(string chars) => SearchValues.Create([.. chars.Select(c => (byte)c)]);
}
