using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sandbox.Core.Messages;
using Sandbox.Core.Query;
using Sandbox.Core.Store;

namespace Sandbox.Server.Api;

/// <summary>The message resources under <c>/api/v1/messages</c>.</summary>
internal static class MessagesEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1_000;

    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithTags("Messages");
        messages.MapGet("/", List).WithName("ListMessages").WithSummary("Summaries, newest first, filtered and paged with before=<seq>.");
        messages.MapDelete("/", DeleteAll).WithName("DeleteMessages").WithSummary("Deletes every message.");
        messages.MapGet("/{id}", Get).WithName("GetMessage").WithSummary("The full message.");
        messages.MapPatch("/{id}", Patch).WithName("PatchMessage").WithSummary("Marks a message read or unread.");
        messages.MapDelete("/{id}", Delete).WithName("DeleteMessage").WithSummary("Deletes one message.");
        messages.MapMessageContent();
        return api;
    }

    private static Results<Ok<MessageListDto>, ProblemHttpResult> List(
        MessageStore store,
        int? limit,
        uint? before,
        string? to,
        string? from,
        string? subject,
        string? text)
    {
        if (limit is <= 0)
        {
            return Problems.BadRequest("limit must be a positive number (at most 1000; larger values are clamped).");
        }

        var take = Math.Min(limit ?? DefaultLimit, MaxLimit);
        var filter = new MessageFilter { To = Blank(to), From = Blank(from), Subject = Blank(subject), Text = Blank(text) };
        var cursor = store.HeadSeq;
        var matches = store.NewestFirst(before ?? uint.MaxValue).Where(m => m.Seq <= cursor && filter.Matches(m));
        var page = matches.Take(take + 1).ToList();
        var items = page.Take(take).Select(MessageMapper.ToSummary).ToArray();
        uint? next = page.Count > take ? items[^1].Seq : null;
        var total = filter.IsEmpty ? store.Count : store.NewestFirst().Count(filter.Matches);
        return TypedResults.Ok(new MessageListDto(items, total, cursor, next));
    }

    private static Results<Ok<MessageDto>, NotFound<ProblemDetails>> Get(MessageStore store, string id) =>
        store.Get(id) is { } message ? TypedResults.Ok(MessageMapper.ToDetail(message)) : Problems.NotFound(id);

    private static Results<Ok<MessageSummaryDto>, NotFound<ProblemDetails>, ProblemHttpResult> Patch(MessageStore store, string id, MessagePatchDto patch)
    {
        if (store.Get(id) is not { } message)
        {
            return Problems.NotFound(id);
        }

        if (patch.Read is not { } read)
        {
            return Problems.BadRequest("Nothing to change: send { \"read\": true } or { \"read\": false }.");
        }

        store.UpdateFlags(message, read ? MessageFlags.Seen : MessageFlags.None, read ? MessageFlags.None : MessageFlags.Seen);
        return TypedResults.Ok(MessageMapper.ToSummary(message));
    }

    private static Results<NoContent, NotFound<ProblemDetails>> Delete(MessageStore store, string id)
    {
        if (store.Get(id) is not { } message || store.Delete([message.Seq]).Count == 0)
        {
            return Problems.NotFound(id);
        }

        return TypedResults.NoContent();
    }

    private static Ok<DeletedDto> DeleteAll(MessageStore store) => TypedResults.Ok(new DeletedDto(store.Clear()));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
