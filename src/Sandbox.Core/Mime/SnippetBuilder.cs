namespace Sandbox.Core.Mime;

/// <summary>
/// The list snippet of a body: its first <see cref="Length"/> characters with runs of white
/// space and control characters collapsed to one space, trimmed.
/// </summary>
internal static class SnippetBuilder
{
    public const int Length = 200;

    public static string Of(ReadOnlySpan<char> text) => Build(text, out _);

    /// <summary>
    /// Builds the snippet of <paramref name="text"/>; <paramref name="full"/> is true when it
    /// reached <see cref="Length"/>, so any text that starts with <paramref name="text"/> has
    /// the same snippet (it is built from a prefix of the body).
    /// </summary>
    public static string Build(ReadOnlySpan<char> text, out bool full)
    {
        Span<char> snippet = stackalloc char[Length];
        var length = 0;
        var lastWasSpace = true;
        foreach (var c in text)
        {
            if (length >= Length)
            {
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace)
                {
                    snippet[length++] = ' ';
                }

                lastWasSpace = true;
                continue;
            }

            snippet[length++] = c;
            lastWasSpace = false;
        }

        full = length >= Length;
        return length == 0 ? "" : new string(snippet[..length].TrimEnd());
    }
}
