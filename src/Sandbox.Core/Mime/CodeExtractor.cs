using System.Text.RegularExpressions;

namespace Sandbox.Core.Mime;

/// <summary>
/// One-time codes and tokens of a message, found in its bodies when read. Heuristics (documented in
/// the README): near a keyword (code, OTP, passcode, PIN, verification/verify, token, one-time,
/// 2FA/MFA, security, confirm/confirmation), a candidate is either 4-8 digits, or 6-12
/// characters of upper-case letters, digits and hyphens with at least one letter and one digit.
/// Each keyword contributes the first candidate in the 100 characters after it, or else the
/// nearest candidate in the 40 characters before it ("482913 is your code"). Codes keep the
/// keywords' order, without duplicates. The text body is searched, or the text of the HTML body when there is no text.
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

        // Most mail names no keyword: then no candidate is looked at (one vectorised pass).
        var keywords = Keywords().Matches(body);
        if (keywords.Count == 0)
        {
            return [];
        }

        var candidates = Candidates().Matches(body).Where(c => IsCode(c.Value)).ToList();
        var codes = new List<string>();
        foreach (Match keyword in keywords)
        {
            var end = keyword.Index + keyword.Length;
            var next = candidates.Find(c => c.Index >= end && c.Index < end + After);
            var chosen = next ?? candidates.LastOrDefault(c => c.Index + c.Length <= keyword.Index && c.Index >= keyword.Index - Before);
            if (chosen is not null && codes.Count < MaxCodes && !codes.Contains(chosen.Value))
            {
                codes.Add(chosen.Value);
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

    // Both patterns run in linear time on the backtracking engine (an alternation of literals;
    // a bounded repetition of at most 12 characters per start), so they are source-generated:
    // no NonBacktracking automaton is built at run time (bench/RESULTS.md: that was ~14% of
    // the CPU of the first 2,000 messages a fresh process ingests).
    [GeneratedRegex(@"\b(codes?|otp|passcode|pin|verification|verify|token|one-time|2fa|mfa|security|confirm|confirmation)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keywords();

    [GeneratedRegex(@"\b[0-9A-Za-z][0-9A-Za-z-]{2,10}[0-9A-Za-z]\b", RegexOptions.CultureInvariant)]
    private static partial Regex Candidates();
}
