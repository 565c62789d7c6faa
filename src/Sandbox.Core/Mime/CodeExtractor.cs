using System.Text.RegularExpressions;

namespace Sandbox.Core.Mime;

/// <summary>
/// One-time codes and tokens of a message, computed once at ingest. Heuristics (documented in
/// the README): near a keyword (code, OTP, passcode, PIN, verification/verify, token, one-time,
/// 2FA/MFA, security, confirm/confirmation), that is up to 40 characters before it or 100 after
/// it, a candidate is either 4-8 digits, or 6-12 characters of upper-case letters, digits and
/// hyphens with at least one letter and one digit. Codes keep document order, without
/// duplicates. The text body is searched, or the text of the HTML body when there is no text.
/// </summary>
public static partial class CodeExtractor
{
    public const int MaxCodes = 20;
    private const int Before = 40;
    private const int After = 100;

    public static IReadOnlyList<string> Extract(string? text, string? html)
    {
        var body = text ?? HtmlText.ToPlainText(html);
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        var windows = Keywords().Matches(body).Select(k => (Start: k.Index - Before, End: k.Index + k.Length + After)).ToList();
        if (windows.Count == 0)
        {
            return [];
        }

        var codes = new List<string>();
        foreach (Match candidate in Candidates().Matches(body))
        {
            var value = candidate.Value;
            if (codes.Count < MaxCodes
                && IsCode(value)
                && !Keywords().IsMatch(value)
                && windows.Exists(w => candidate.Index >= w.Start && candidate.Index < w.End)
                && !codes.Contains(value))
            {
                codes.Add(value);
            }
        }

        return codes;
    }

    /// <summary>
    /// Codes by a caller's pattern instead of the heuristics: group 1 of each match, or the
    /// whole match when the pattern has no group.
    /// </summary>
    public static IReadOnlyList<string> Extract(string? text, string? html, Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var codes = new List<string>();
        foreach (var body in new[] { text, HtmlText.ToPlainText(html) })
        {
            if (string.IsNullOrEmpty(body))
            {
                continue;
            }

            try
            {
                foreach (Match m in pattern.Matches(body))
                {
                    var value = m.Groups.Count > 1 ? m.Groups[1].Value : m.Value;
                    if (value.Length > 0 && !codes.Contains(value) && codes.Count < MaxCodes)
                    {
                        codes.Add(value);
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                break;
            }
        }

        return codes;
    }

    private static bool IsCode(string value)
    {
        if (value.All(char.IsAsciiDigit))
        {
            return value.Length is >= 4 and <= 8;
        }

        return value.Length is >= 6 and <= 12
            && value.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c == '-')
            && value.Any(char.IsAsciiDigit)
            && value.Any(char.IsAsciiLetterUpper);
    }

    [GeneratedRegex(@"\b(codes?|otp|passcode|pin|verification|verify|token|one-time|2fa|mfa|security|confirm|confirmation)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Keywords();

    [GeneratedRegex(@"\b[0-9A-Za-z][0-9A-Za-z-]{2,10}[0-9A-Za-z]\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Candidates();
}
