using System.Net;
using System.Text.RegularExpressions;

namespace Sandbox.Core.Mime;

/// <summary>
/// Links of a message, found in its bodies when read: every HTML anchor with an href (in document
/// order, with its text) and every http(s) URL in the text body. The anchor pattern is non-backtracking,
/// so hostile HTML costs linear time; at most <see cref="MaxLinks"/> are kept.
/// </summary>
public static partial class LinkExtractor
{
    public const int MaxLinks = 1_000;

    public static IReadOnlyList<MessageLink> Extract(string? text, string? html)
    {
        var links = new List<MessageLink>();
        var seen = new HashSet<(string, string, string)>();
        if (html is not null)
        {
            foreach (Match m in Anchors().Matches(html))
            {
                var href = WebUtility.HtmlDecode(FirstGroup(m, 1, 2, 3)).Trim();
                if (href.Length == 0 || href == "#")
                {
                    continue;
                }

                var label = Collapse(HtmlText.ToPlainText(m.Groups[4].Value) ?? "");
                Add(new MessageLink(href, label, "html"));
            }
        }

        if (text is not null)
        {
            foreach (Match m in Urls().Matches(text))
            {
                var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '>', '\'', '"');
                Add(new MessageLink(url, url, "text"));
            }
        }

        return links;

        void Add(MessageLink link)
        {
            if (links.Count < MaxLinks && seen.Add((link.Href, link.Text, link.Source)))
            {
                links.Add(link);
            }
        }
    }

    private static string FirstGroup(Match m, params int[] groups) =>
        groups.Select(g => m.Groups[g]).FirstOrDefault(g => g.Success)?.Value ?? "";

    private static string Collapse(string value) => Spaces().Replace(value, " ").Trim();

    [GeneratedRegex("""<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))[^>]*>(.*?)</a\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Anchors();

    // Linear on the backtracking engine (a literal prefix, then one greedy class with nothing
    // after it), so source-generated: no automaton is built at run time.
    [GeneratedRegex("""https?://[^\s<>"'\[\]{}|\\^`]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Urls();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
