namespace Sandbox.Core.Mime;

/// <summary>
/// A link found in a message: <see cref="Source"/> is <c>html</c> for an anchor (with its
/// visible text) or <c>text</c> for a URL in the plain-text body (its text is the URL).
/// </summary>
public sealed record MessageLink(string Href, string Text, string Source);
