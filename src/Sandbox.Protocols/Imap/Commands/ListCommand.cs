using System.Text.RegularExpressions;
using Sandbox.Protocols.Imap.Mailboxes;
using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// LIST and LSUB (RFC 3501 6.3.8, 6.3.9) with RFC 5258 selection/return options tolerated,
/// RFC 6154 SPECIAL-USE attributes and RFC 3348 CHILDREN attributes. <c>LIST "" ""</c>
/// returns the delimiter.
/// </summary>
internal sealed class ListCommand(bool lsub) : IImapCommand
{
    public ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var selection = new List<string>();
        if (args.Peek == (byte)'(')
        {
            selection = [.. args.AtomList().Select(s => s.ToUpperInvariant())];
            args.Space();
        }

        var reference = args.AStringText();
        args.Space();
        var patterns = Patterns(args);
        var returns = new List<string>();
        if (args.TryChar((byte)' '))
        {
            if (!args.Atom().Equals("RETURN", StringComparison.OrdinalIgnoreCase))
            {
                return ValueTask.FromResult(ImapResult.Bad("Expected RETURN"));
            }

            args.Space();
            returns = [.. args.AtomList().Select(s => s.ToUpperInvariant())];
        }

        args.End();
        var name = lsub ? "LSUB" : "LIST";
        if (patterns is [""])
        {
            session.Writer.Raw("* "u8).Ascii(name).Raw(" (\\Noselect) \"/\" \"\"\r\n"u8);
            return ValueTask.FromResult(ImapResult.Ok($"{name} completed"));
        }

        Write(session, name, reference, patterns, selection, returns);
        return ValueTask.FromResult(ImapResult.Ok($"{name} completed"));
    }

    private void Write(ImapSession session, string name, string reference, List<string> patterns, List<string> selection, List<string> returns)
    {
        var folders = session.Folders;
        var matchers = patterns.Select(p => Matcher(reference + p)).ToList();
        var specialOnly = selection.Contains("SPECIAL-USE");
        var subscribedOnly = lsub || selection.Contains("SUBSCRIBED");
        foreach (var folder in folders.All())
        {
            var special = UserFolders.SpecialUse(folder);
            if (!matchers.Any(m => m.IsMatch(folder)) || (specialOnly && special is null) || (subscribedOnly && !folders.IsSubscribed(folder)))
            {
                continue;
            }

            var attributes = new List<string> { folders.HasChildren(folder) ? "\\HasChildren" : "\\HasNoChildren" };
            if (special is not null)
            {
                attributes.Add(special);
            }

            if (!lsub && (returns.Contains("SUBSCRIBED") || selection.Contains("SUBSCRIBED")) && folders.IsSubscribed(folder))
            {
                attributes.Add("\\Subscribed");
            }

            session.Writer.Raw("* "u8).Ascii(name).Raw(" ("u8).Ascii(string.Join(' ', attributes)).Raw(") \"/\" "u8).AString(folder).EndLine();
        }
    }

    private static List<string> Patterns(ImapReader args)
    {
        if (!args.TryChar((byte)'('))
        {
            return [args.AStringText()];
        }

        var patterns = new List<string>();
        while (!args.TryChar((byte)')'))
        {
            if (patterns.Count > 0)
            {
                args.Space();
            }

            patterns.Add(args.AStringText());
        }

        return patterns;
    }

    // "*" matches anything, "%" anything but the delimiter (RFC 3501 6.3.8); INBOX matches case-insensitively.
    private static Regex Matcher(string pattern)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("%", "[^/]*", StringComparison.Ordinal) + "$";
        if (pattern.StartsWith("INBOX", StringComparison.OrdinalIgnoreCase))
        {
            regex = "^(?i:INBOX)" + regex[(1 + Regex.Escape(pattern[..5]).Length)..];
        }

        return new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
