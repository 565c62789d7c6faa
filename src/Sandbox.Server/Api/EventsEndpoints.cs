using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Sandbox.Core.Messages;
using Sandbox.Core.Query;
using Sandbox.Core.Store;

namespace Sandbox.Server.Api;

/// <summary>
/// <c>GET /api/v1/events</c>: Server-Sent Events of store changes (<c>added</c>, <c>deleted</c>,
/// <c>evicted</c>, <c>cleared</c>, <c>flags</c>), filtered like every listing. The event id is
/// the change's cursor; a client that reconnects with <c>Last-Event-ID</c> (or passes
/// <c>after=</c>) first gets <c>added</c> for every stored match above it, then the live feed.
/// The feed is subscribed before the replay, so nothing falls in between.
/// </summary>
internal static class EventsEndpoints
{
    public const string GaugeKey = "events";
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        api.MapGet("/events", StreamAsync).WithTags("Events").WithName("GetEvents")
            .WithSummary("Server-Sent Events of store changes, filtered; resumable with Last-Event-ID.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return api;
    }

    private static async Task StreamAsync(
        HttpContext http,
        MessageStore store,
        [FromKeyedServices(GaugeKey)] WaiterGauge gauge,
        IOptions<ApiOptions> options,
        [AsParameters] FilterQuery query,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        TimeProvider time)
    {
        MessageFilter filter;
        uint? resumeFrom;
        try
        {
            filter = FilterBinding.FromQuery(query);
            resumeFrom = LastEventId(http.Request) ?? filter.After;
        }
        catch (MessageFilterException ex)
        {
            await Problems.BadFilter(ex.Message).ExecuteAsync(http);
            return;
        }

        if (!gauge.TryEnter(options.Value.MaxEventStreams))
        {
            await Problems.Status(StatusCodes.Status429TooManyRequests, "Too many event streams", $"At most {options.Value.MaxEventStreams} event streams may be open (Sandbox:Api:MaxEventStreams).").ExecuteAsync(http);
            return;
        }

        var listening = false;
        try
        {
            var writer = new EventWriter(http.Response, json.Value.SerializerOptions);
            using var subscription = store.Subscribe();

            // Read right after subscribing: an added message at or below this head is either
            // replayed (resume) or was committed before the stream began (no resume).
            var head = store.HeadSeq;
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var ct = http.RequestAborted;
            await http.Response.StartAsync(ct);
            await writer.CommentAsync("connected", ct);

            var replayedHead = head;
            if (resumeFrom is { } from)
            {
                foreach (var message in store.OldestFirst(from).TakeWhile(m => m.Seq <= replayedHead).Where(filter.Matches))
                {
                    await writer.WriteAsync(message.Seq, "added", MessageMapper.ToSummary(message), ct);
                }
            }

            gauge.MarkListening();
            listening = true;
            await PumpAsync(subscription, filter, replayedHead, writer, time, ct);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (StoreSubscriptionOverflowException)
        {
            // Fell behind: end the stream; the client reconnects with Last-Event-ID.
        }
        finally
        {
            gauge.Exit(listening);
        }
    }

    private static async Task PumpAsync(StoreSubscription subscription, MessageFilter filter, uint replayedHead, EventWriter writer, TimeProvider time, CancellationToken ct)
    {
        var reader = subscription.Reader;
        while (true)
        {
            using var beat = new CancellationTokenSource(Heartbeat, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, beat.Token);
            bool more;
            try
            {
                more = await reader.WaitToReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await writer.CommentAsync("heartbeat", ct);
                continue;
            }

            if (!more)
            {
                return;
            }

            while (reader.TryRead(out var change))
            {
                await WriteChangeAsync(change, filter, replayedHead, writer, ct);
            }
        }
    }

    private static Task WriteChangeAsync(StoreChange change, MessageFilter filter, uint replayedHead, EventWriter writer, CancellationToken ct) => change switch
    {
        MessageAdded added when added.Message.Seq > replayedHead && filter.Matches(added.Message) =>
            writer.WriteAsync(added.Cursor, "added", MessageMapper.ToSummary(added.Message), ct),
        MessagesRemoved removed when Gone(removed.Messages, filter) is { Ids.Count: > 0 } gone => writer.WriteAsync(removed.Cursor, "deleted", gone, ct),
        MessagesEvicted evicted when Gone(evicted.Messages, filter) is { Ids.Count: > 0 } gone => writer.WriteAsync(evicted.Cursor, "evicted", gone, ct),
        FlagsChanged flags when filter.Matches(flags.Message) =>
            writer.WriteAsync(flags.Cursor, "flags", new FlagsEventDto(flags.Message.Id, flags.Message.Seq, (flags.Flags & MessageFlags.Seen) != 0), ct),
        StoreCleared cleared => writer.WriteAsync(cleared.Cursor, "cleared", new ClearedEventDto(cleared.Count), ct),
        _ => Task.CompletedTask,
    };

    private static MessagesGoneEventDto Gone(IReadOnlyList<StoredMessage> messages, MessageFilter filter)
    {
        var matching = messages.Where(filter.Matches).ToArray();
        return new MessagesGoneEventDto(matching.Select(m => m.Id).ToArray(), matching.Select(m => m.Seq).ToArray());
    }

    private static uint? LastEventId(HttpRequest request)
    {
        var value = request.Headers["Last-Event-ID"].ToString();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return uint.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new MessageFilterException("Last-Event-ID must be a cursor (a non-negative integer).");
    }

    /// <summary>Writes SSE frames (WHATWG HTML, "Server-sent events"): id, event, one data line of JSON.</summary>
    private sealed class EventWriter(HttpResponse response, JsonSerializerOptions options)
    {
        public async Task WriteAsync<T>(uint id, string name, T data, CancellationToken ct)
        {
            var payload = JsonSerializer.Serialize(data, options);
            var frame = string.Create(CultureInfo.InvariantCulture, $"id: {id}\nevent: {name}\ndata: {payload}\n\n");
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(frame), ct);
            await response.Body.FlushAsync(ct);
        }

        public async Task CommentAsync(string text, CancellationToken ct)
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes($": {text}\n\n"), ct);
            await response.Body.FlushAsync(ct);
        }
    }
}
