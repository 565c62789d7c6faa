using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sandbox.Core.Query;
using Sandbox.Core.Store;

namespace Sandbox.Server.Api;

/// <summary>
/// <c>/api/v1/messages/wait</c>: the server waits, not the test. Registers on the change feed,
/// scans the store after the cursor, then awaits arrivals until <c>count</c> messages match
/// (200), the timeout passes (204 with <c>Sandbox-Cursor</c> and <c>Sandbox-Evicted</c>), or the
/// client goes away (the waiter is freed at once).
/// </summary>
internal static class WaitEndpoints
{
    public const string CursorHeader = "Sandbox-Cursor";
    public const string EvictedHeader = "Sandbox-Evicted";
    public const double DefaultTimeoutSeconds = 30;
    public const double MaxTimeoutSeconds = 60;
    public const int MaxCount = 1_000;

    public static RouteGroupBuilder MapWait(this RouteGroupBuilder messages)
    {
        messages.MapGet("/wait", WaitGet).WithName("WaitForMessages")
            .WithSummary("Long-polls until count (default 1) messages match after the cursor; timeout in seconds (default 30, max 60).");
        messages.MapPost("/wait", WaitPost).WithName("WaitForMessagesByBody")
            .WithSummary("The same wait, with the filter, count and timeout as a JSON body.");
        return messages;
    }

    private static Task<Results<Ok<WaitResultDto>, NoContent, ProblemHttpResult>> WaitGet(
        HttpContext http, MessageStore store, WaiterGauge gauge, IOptions<ApiOptions> options, TimeProvider time, [AsParameters] FilterQuery query, int? count, double? timeout)
    {
        MessageFilter filter;
        try
        {
            filter = FilterBinding.FromQuery(query);
        }
        catch (MessageFilterException ex)
        {
            return Task.FromResult<Results<Ok<WaitResultDto>, NoContent, ProblemHttpResult>>(Problems.BadFilter(ex.Message));
        }

        return WaitAsync(http, store, gauge, options.Value, time, filter, count, timeout);
    }

    private static Task<Results<Ok<WaitResultDto>, NoContent, ProblemHttpResult>> WaitPost(
        HttpContext http, MessageStore store, WaiterGauge gauge, IOptions<ApiOptions> options, TimeProvider time, FilterRequestDto body)
    {
        MessageFilter filter;
        try
        {
            filter = FilterBinding.FromBody(body);
        }
        catch (MessageFilterException ex)
        {
            return Task.FromResult<Results<Ok<WaitResultDto>, NoContent, ProblemHttpResult>>(Problems.BadFilter(ex.Message));
        }

        return WaitAsync(http, store, gauge, options.Value, time, filter, body.Count, body.Timeout);
    }

    private static async Task<Results<Ok<WaitResultDto>, NoContent, ProblemHttpResult>> WaitAsync(
        HttpContext http, MessageStore store, WaiterGauge gauge, ApiOptions options, TimeProvider time, MessageFilter filter, int? count, double? timeout)
    {
        if (count is < 1 or > MaxCount)
        {
            return Problems.BadRequest($"count must be between 1 and {MaxCount}.");
        }

        if (timeout is { } t && (double.IsNaN(t) || t < 0))
        {
            return Problems.BadRequest($"timeout must be a number of seconds between 0 and {MaxTimeoutSeconds} (larger values are clamped).");
        }

        // The deadline starts before the waiter counts as registered, so a test that advances
        // a fake clock after seeing the waiter always reaches the timer.
        var seconds = Math.Min(timeout ?? DefaultTimeoutSeconds, MaxTimeoutSeconds);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time);
        if (!gauge.TryEnter(options.MaxConcurrentWaiters))
        {
            return Problems.Status(StatusCodes.Status429TooManyRequests, "Too many waiters", $"At most {options.MaxConcurrentWaiters} waits may run at once (Sandbox:Api:MaxConcurrentWaiters).");
        }

        var listening = false;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, http.RequestAborted);
            var outcome = await MessageWaiter.WaitAsync(store, filter, count ?? 1, () => { listening = true; gauge.MarkListening(); }, linked.Token);
            if (outcome.Completed)
            {
                return TypedResults.Ok(new WaitResultDto(outcome.Matches.Select(MessageMapper.ToDetail).ToArray(), outcome.Cursor));
            }

            http.Response.Headers[CursorHeader] = outcome.Cursor.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers[EvictedHeader] = outcome.Evicted.ToString(CultureInfo.InvariantCulture);
            return TypedResults.NoContent();
        }
        finally
        {
            gauge.Exit(listening);
        }
    }
}
