using Sandbox.Core.Messages;
using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap;

/// <summary>The system flags of RFC 3501 2.3.2 (keywords are not kept: PERMANENTFLAGS has no <c>\*</c>).</summary>
internal static class ImapFlags
{
    public const string All = @"\Answered \Flagged \Deleted \Seen \Draft";

    private static readonly (MessageFlags Flag, string Name)[] s_names =
    [
        (MessageFlags.Answered, @"\Answered"),
        (MessageFlags.Flagged, @"\Flagged"),
        (MessageFlags.Deleted, @"\Deleted"),
        (MessageFlags.Seen, @"\Seen"),
        (MessageFlags.Draft, @"\Draft"),
    ];

    public static void Write(ImapResponseWriter w, MessageFlags flags)
    {
        w.Raw("("u8);
        var first = true;
        foreach (var (flag, name) in s_names)
        {
            if ((flags & flag) != 0)
            {
                if (!first)
                {
                    w.Space();
                }

                w.Ascii(name);
                first = false;
            }
        }

        w.Raw(")"u8);
    }

    /// <summary>Parses flag names; unknown keywords are ignored, <c>\Recent</c> cannot be set.</summary>
    public static MessageFlags Parse(IEnumerable<string> names)
    {
        var flags = MessageFlags.None;
        foreach (var name in names)
        {
            if (name.StartsWith('\\') && !name.Equals(@"\Recent", StringComparison.OrdinalIgnoreCase))
            {
                var known = s_names.FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (known.Name is null)
                {
                    throw new ImapSyntaxException("Unknown system flag.");
                }

                flags |= known.Flag;
            }
        }

        return flags;
    }

    public static MessageFlags? FromKeyword(string name) =>
        s_names.FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } f ? f.Flag : null;
}
