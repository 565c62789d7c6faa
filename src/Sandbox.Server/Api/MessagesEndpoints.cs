using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sandbox.Core.Messages;
using Sandbox.Core.Query;
using Sandbox.Core.Store;

namespace Sandbox.Server.Api;

/// <summary>
/// The message resources under <c>/api/v1/messages</c>. Every listing takes the filters of
/// <see cref="MessageFilterParser"/> from the query string; a bad filter is a 400.
/// </summary>
internal static class MessagesEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1_000;

    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        api.MapGet("/cursor", (MessageStore store) => TypedResults.Ok(new CursorDto(store.HeadSeq)))
            .WithTags("Messages").WithName("GetCursor").WithSummary("The store's head seq: take it before triggering the app, pass it as after=.");
        var messages = api.MapGroup("/messages").WithTags("Messages");
        messages.MapGet("/", List).WithName("ListMessages").WithSummary("Summaries, newest first, filtered and paged with before=<seq>.");
        messages.MapDelete("/", DeleteMatching).WithName("DeleteMessages").WithSummary("Deletes the messages matching the filters (every message without filters).");
        messages.MapGet("/latest", Latest).WithName("GetLatestMessage").WithSummary("The newest message matching the filters, or 404.");
        messages.MapGet("/{id}", Get).WithName("GetMessage").WithSummary("The full message.");
        messages.MapPatch("/{id}", Patch).WithName("PatchMessage").WithSummary("Marks a message read or unread.");
        messages.MapDelete("/{id}", Delete).WithName("DeleteMessage").WithSummary("Deletes one message.");
        messages.MapMessageContent();
        messages.MapLinksAndCodes();
        messages.MapWait();
        messages.MapImport();
        api.MapEvents();
        return api;
    }

    private static Results<Ok<MessageListDto>, ProblemHttpResult> List(MessageStore store, [AsParameters] FilterQuery query, int? limit, uint? before)
    {
        if (limit is <= 0)
        {
            return Problems.BadRequest("limit must be a positive number (at most 1000; larger values are clamped).");
        }

        MessageFilter filter;
        try
        {
            filter = FilterBinding.FromQuery(query);
        }
        catch (MessageFilterException ex)
        {
            return Problems.BadFilter(ex.Message);
        }

        var take = Math.Min(limit ?? DefaultLimit, MaxLimit);
        var cursor = store.HeadSeq;
        var matches = store.NewestFirst(before ?? uint.MaxValue).Where(m => m.Seq <= cursor && filter.Matches(m));
        var page = matches.Take(take + 1).ToList();
        var items = page.Take(take).Select(MessageMapper.ToSummary).ToArray();
        uint? next = page.Count > take ? items[^1].Seq : null;
        var total = filter.IsEmpty ? store.Count : store.NewestFirst().Count(m => m.Seq <= cursor && filter.Matches(m));
        return TypedResults.Ok(new MessageListDto(items, total, cursor, next));
    }

    private static Results<Ok<MessageDto>, ProblemHttpResult> Latest(MessageStore store, [AsParameters] FilterQuery query)
    {
        MessageFilter filter;
        try
        {
            filter = FilterBinding.FromQuery(query);
        }
        catch (MessageFilterException ex)
        {
            return Problems.BadFilter(ex.Message);
        }

        return store.NewestFirst().FirstOrDefault(filter.Matches) is { } message
            ? TypedResults.Ok(MessageMapper.ToDetail(message))
            : Problems.NotFound("No matching message", "No stored message matches the filters.");
    }

    private static Results<Ok<MessageDto>, ProblemHttpResult> Get(MessageStore store, string id) =>
        store.Get(id) is { } message ? TypedResults.Ok(MessageMapper.ToDetail(message)) : Problems.NotFound(id);

    private static Results<Ok<MessageSummaryDto>, ProblemHttpResult> Patch(MessageStore store, string id, MessagePatchDto patch)
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

    private static Results<NoContent, ProblemHttpResult> Delete(MessageStore store, string id)
    {
        if (store.Get(id) is not { } message || store.Delete([message.Seq]).Count == 0)
        {
            return Problems.NotFound(id);
        }

        return TypedResults.NoContent();
    }

    private static Results<Ok<DeletedDto>, ProblemHttpResult> DeleteMatching(MessageStore store, [AsParameters] FilterQuery query)
    {
        MessageFilter filter;
        try
        {
            filter = FilterBinding.FromQuery(query);
        }
        catch (MessageFilterException ex)
        {
            return Problems.BadFilter(ex.Message);
        }

        if (filter.IsEmpty)
        {
            return TypedResults.Ok(new DeletedDto(store.Clear()));
        }

        var seqs = store.NewestFirst().Where(filter.Matches).Select(m => m.Seq).ToArray();
        return TypedResults.Ok(new DeletedDto(seqs.Length == 0 ? 0 : store.Delete(seqs).Count));
    }
}
