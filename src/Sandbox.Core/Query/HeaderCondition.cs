using Sandbox.Core.Mime;

namespace Sandbox.Core.Query;

/// <summary>
/// <c>header=Name:value</c>: some header field named <see cref="Name"/> (case-insensitive)
/// whose decoded value contains <see cref="Value"/>; an empty value means "the header is present".
/// </summary>
public sealed record HeaderCondition(string Name, string Value)
{
    /// <summary>Parses <c>Name:value</c>; the name must be a non-empty RFC 5322 field name.</summary>
    public static HeaderCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? "" : text[..colon].Trim();
        if (name.Length == 0 || name.Any(c => c is <= ' ' or > '~'))
        {
            throw new MessageFilterException($"header must be 'Name:value' with a header field name before the colon, got '{MessageFilterException.Quote(text)}'.");
        }

        return new HeaderCondition(name, text[(colon + 1)..].Trim());
    }

    /// <summary>The condition on a message's view (its headers are read from the raw bytes only when they may match).</summary>
    public bool Matches(MessageView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.HasHeader(Name, Value);
    }

    public bool Matches(IReadOnlyList<HeaderField> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.Any(h => string.Equals(h.Name, Name, StringComparison.OrdinalIgnoreCase)
            && (Value.Length == 0 || h.Value.Contains(Value, StringComparison.OrdinalIgnoreCase)));
    }
}
