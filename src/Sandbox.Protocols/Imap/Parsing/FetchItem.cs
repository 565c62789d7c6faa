namespace Sandbox.Protocols.Imap.Parsing;

internal enum FetchItemKind
{
    Uid,
    Flags,
    InternalDate,
    Rfc822Size,
    Envelope,
    BodyStructure,
    Body,
    Rfc822,
    Rfc822Header,
    Rfc822Text,
    Section,
}

/// <summary>The text part of a section specifier (RFC 3501 6.4.5).</summary>
internal enum SectionText
{
    None,
    Header,
    HeaderFields,
    HeaderFieldsNot,
    Text,
    Mime,
}

/// <summary>One FETCH data item; <see cref="Section"/> items carry the part path, text, fields and partial range.</summary>
internal sealed record FetchItem(FetchItemKind Kind)
{
    public bool Peek { get; init; }

    public IReadOnlyList<int> Path { get; init; } = [];

    public SectionText Text { get; init; }

    public IReadOnlyList<string> Fields { get; init; } = [];

    public long? PartialOrigin { get; init; }

    public long PartialCount { get; init; }

    /// <summary>The section as echoed in the response, e.g. <c>1.2.MIME</c> or <c>HEADER.FIELDS (REFERENCES)</c>.</summary>
    public string SectionName
    {
        get
        {
            var path = string.Join('.', Path);
            var text = Text switch
            {
                SectionText.Header => "HEADER",
                SectionText.HeaderFields => $"HEADER.FIELDS ({string.Join(' ', Fields)})",
                SectionText.HeaderFieldsNot => $"HEADER.FIELDS.NOT ({string.Join(' ', Fields)})",
                SectionText.Text => "TEXT",
                SectionText.Mime => "MIME",
                _ => "",
            };
            return path.Length > 0 && text.Length > 0 ? $"{path}.{text}" : path + text;
        }
    }
}
