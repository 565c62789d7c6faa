namespace Sandbox.Server.Api;

/// <summary>A link of a message: <c>source</c> is <c>html</c> (an anchor) or <c>text</c> (a URL in the text body).</summary>
public sealed record LinkDto(string Href, string Text, string Source);

/// <summary><c>GET /api/v1/cursor</c>: the store's head sequence number.</summary>
public sealed record CursorDto(uint Cursor);

/// <summary>A completed wait: the matching messages, oldest first, and the seq of the last one.</summary>
public sealed record WaitResultDto(IReadOnlyList<MessageDto> Items, uint Cursor);

/// <summary><c>POST /api/v1/messages</c>: the imported message.</summary>
public sealed record ImportedDto(string Id, uint Seq);

/// <summary>
/// The filter as JSON (for <c>POST /api/v1/messages/wait</c>): the same names and meaning as
/// the query string; <c>headers</c> are <c>Name:value</c> strings.
/// </summary>
public sealed record FilterRequestDto
{
    public IReadOnlyList<string>? To { get; init; }

    public string? From { get; init; }

    public string? Subject { get; init; }

    public string? SubjectRegex { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<string>? Headers { get; init; }

    public bool? HasAttachment { get; init; }

    public bool? Read { get; init; }

    public uint? After { get; init; }

    public DateTimeOffset? Since { get; init; }

    public string? Q { get; init; }

    public int? Count { get; init; }

    public double? Timeout { get; init; }
}

/// <summary>SSE <c>deleted</c> / <c>evicted</c> data: the messages that went away.</summary>
public sealed record MessagesGoneEventDto(IReadOnlyList<string> Ids, IReadOnlyList<uint> Seqs);

/// <summary>SSE <c>flags</c> data.</summary>
public sealed record FlagsEventDto(string Id, uint Seq, bool Read);

/// <summary>SSE <c>cleared</c> data.</summary>
public sealed record ClearedEventDto(int Count);
