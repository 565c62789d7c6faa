using System.Net;
using System.Text.RegularExpressions;

namespace Sandbox.Core.Mime;

/// <summary>Plain text of an HTML body, for snippets and text search; never rendered as HTML.</summary>
public static partial class HtmlText
{
    public static string? ToPlainText(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var withoutBlocks = InvisibleBlocks().Replace(html, " ");
        var withoutTags = Tags().Replace(withoutBlocks, " ");
        return WebUtility.HtmlDecode(withoutTags);
    }

    [GeneratedRegex(@"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<head\b.*?</head\s*>|<title\b.*?</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex InvisibleBlocks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tags();
}
