using System.Globalization;
using System.Text;

namespace Sandbox.Server.Api;

/// <summary>
/// Download names from mail: never used as a path, so only the last segment is kept and
/// separators, control characters and bidirectional overrides are removed.
/// </summary>
internal static class FileNames
{
    public static string Sanitise(string? name, string fallback)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return fallback;
        }

        var lastSegment = name.Replace('\\', '/').Split('/').Last();
        var sb = new StringBuilder(lastSegment.Length);
        foreach (var c in lastSegment)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsControl(c) || category == UnicodeCategory.Format || c is '"' or ':' or '*' or '?' or '<' or '>' or '|')
            {
                continue;
            }

            sb.Append(c);
        }

        var cleaned = sb.ToString().Trim().TrimStart('.');
        return cleaned.Length == 0 ? fallback : cleaned[..Math.Min(cleaned.Length, 200)];
    }
}
