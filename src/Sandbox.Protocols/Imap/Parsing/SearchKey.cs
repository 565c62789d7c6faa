namespace Sandbox.Protocols.Imap.Parsing;

internal enum SearchOp
{
    All,
    And,
    Or,
    Not,
    Flag,
    NoFlag,
    None,
    Keyword,
    SequenceSet,
    UidSet,
    Header,
    Body,
    Text,
    Since,
    Before,
    On,
    SentSince,
    SentBefore,
    SentOn,
    Larger,
    Smaller,
}

/// <summary>A parsed SEARCH key (RFC 3501 6.4.4) as a tree.</summary>
internal sealed record SearchKey(SearchOp Op)
{
    public IReadOnlyList<SearchKey> Children { get; init; } = [];

    public Sandbox.Core.Messages.MessageFlags Flag { get; init; }

    public string Field { get; init; } = "";

    public string Value { get; init; } = "";

    public DateOnly Date { get; init; }

    public long Number { get; init; }

    public SequenceSet? Set { get; init; }
}
