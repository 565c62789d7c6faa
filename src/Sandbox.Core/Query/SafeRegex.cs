using System.Text.RegularExpressions;

namespace Sandbox.Core.Query;

/// <summary>
/// Client-supplied regular expressions: compiled with <see cref="RegexOptions.NonBacktracking"/>
/// (linear time in the input, so no catastrophic backtracking) and still given a match timeout
/// as a second guard. Constructs the non-backtracking engine refuses (backreferences,
/// lookarounds, atomic groups) are reported as a bad filter.
/// </summary>
public static class SafeRegex
{
    public const int MaxPatternLength = 1_000;

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static Regex Create(string pattern, string parameter)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length > MaxPatternLength)
        {
            throw new MessageFilterException($"{parameter} is longer than {MaxPatternLength} characters.");
        }

        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new MessageFilterException($"{parameter} is not a valid regular expression for the non-backtracking engine: {ex.Message}", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new MessageFilterException($"{parameter} uses a construct the non-backtracking engine does not support: {ex.Message}", ex);
        }
    }

    /// <summary>A match that times out counts as no match.</summary>
    public static bool IsMatch(Regex regex, string input)
    {
        ArgumentNullException.ThrowIfNull(regex);
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
