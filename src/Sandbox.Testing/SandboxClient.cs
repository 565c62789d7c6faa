using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;
using Sandbox.Server.Api;

namespace Sandbox.Testing;

/// <summary>
/// A typed client of the Sandbox REST API (<c>/api/v1</c>). Waits are done by the server (a
/// long poll); a wait longer than the server's 60 s cap is split into several polls.
/// </summary>
public sealed class SandboxClient
{
    /// <summary>The server's longest single wait.</summary>
    public static readonly TimeSpan ServerWaitCap = TimeSpan.FromSeconds(60);

    /// <summary>The wait used when none is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <param name="http">An HttpClient whose BaseAddress is the Sandbox's web address; its Timeout must exceed 60 s.</param>
    /// <param name="time">The clock for client-side wait budgets (the system clock by default).</param>
    public SandboxClient(HttpClient http, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _time = time ?? TimeProvider.System;
    }

    public Task<InfoDto> GetInfoAsync(CancellationToken cancellationToken = default) => GetJsonAsync<InfoDto>("api/v1/info", cancellationToken);

    /// <summary>The current head seq: take it before triggering the app under test, then wait with <c>after</c>.</summary>
    public async Task<uint> GetCursorAsync(CancellationToken cancellationToken = default) =>
        (await GetJsonAsync<CursorDto>("api/v1/cursor", cancellationToken)).Cursor;

    /// <summary>Summaries, newest first.</summary>
    public Task<MessageListDto> ListAsync(MessageQuery? query = null, int? limit = null, uint? after = null, uint? before = null, CancellationToken cancellationToken = default)
    {
        var extra = new List<string>();
        AddIf(extra, "limit", limit);
        AddIf(extra, "after", after);
        AddIf(extra, "before", before);
        return GetJsonAsync<MessageListDto>(Url("api/v1/messages", query, extra), cancellationToken);
    }

    public Task<MessageDto> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GetJsonAsync<MessageDto>($"api/v1/messages/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>The newest matching message, or null.</summary>
    public async Task<MessageDto?> GetLatestAsync(MessageQuery? query = null, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(Url("api/v1/messages/latest", query, []), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync<MessageDto>(response, cancellationToken);
    }

    /// <summary>The exact bytes received.</summary>
    public async Task<byte[]> GetRawAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync($"api/v1/messages/{Uri.EscapeDataString(id)}/raw", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>The raw bytes parsed by MimeKit.</summary>
    public async Task<MimeMessage> GetMimeMessageAsync(string id, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(await GetRawAsync(id, cancellationToken));
        return await MimeMessage.LoadAsync(stream, cancellationToken);
    }

    public Task<LinkDto[]> GetLinksAsync(string id, CancellationToken cancellationToken = default) =>
        GetJsonAsync<LinkDto[]>($"api/v1/messages/{Uri.EscapeDataString(id)}/links", cancellationToken);

    /// <summary>One-time codes by the server's heuristics, or by <paramref name="pattern"/> (a regex whose group 1 is the code).</summary>
    public Task<string[]> GetCodesAsync(string id, string? pattern = null, CancellationToken cancellationToken = default) =>
        GetJsonAsync<string[]>($"api/v1/messages/{Uri.EscapeDataString(id)}/codes" + (pattern is null ? "" : $"?pattern={Uri.EscapeDataString(pattern)}"), cancellationToken);

    /// <summary>Deletes the matching messages (every message for <see cref="MessageQuery.Any"/>); returns how many.</summary>
    public async Task<int> DeleteAsync(MessageQuery? query = null, CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync(Url("api/v1/messages", query, []), cancellationToken);
        return (await ReadAsync<DeletedDto>(response, cancellationToken)).Deleted;
    }

    /// <summary>Imports a raw message through the server's ingest path (as if sent over SMTP).</summary>
    public async Task<ImportedDto> ImportAsync(byte[] raw, CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(raw);
        content.Headers.ContentType = new("message/rfc822");
        using var response = await _http.PostAsync("api/v1/messages", content, cancellationToken);
        return await ReadAsync<ImportedDto>(response, cancellationToken);
    }

    /// <summary>Waits for one matching message with seq above <paramref name="after"/> (0: any stored message).</summary>
    public async Task<MessageDto> WaitForMessageAsync(MessageQuery query, uint? after = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (await WaitForMessagesAsync(query, 1, after, timeout, cancellationToken))[0];

    /// <summary>Waits until <paramref name="count"/> messages match; returns them oldest first.</summary>
    public async Task<IReadOnlyList<MessageDto>> WaitForMessagesAsync(MessageQuery query, int count, uint? after = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var budget = timeout ?? DefaultTimeout;
        var outcome = await PollAsync(query, count, after ?? 0, budget, cancellationToken);
        if (outcome.Items is { } items)
        {
            return items;
        }

        throw await TimeoutAsync(query, count, after ?? 0, outcome.Waited, outcome.Evicted, cancellationToken);
    }

    /// <summary>
    /// Passes when no matching message with seq above <paramref name="after"/> (0: any stored
    /// message) exists or arrives within <paramref name="within"/>.
    /// </summary>
    public async Task AssertNoMessageAsync(MessageQuery query, TimeSpan within, uint? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var outcome = await PollAsync(query, 1, after ?? 0, within, cancellationToken);
        if (outcome.Items is [var message, ..])
        {
            throw new SandboxUnexpectedMessageException(
                $"Expected no message matching {query} after cursor {after ?? 0} within {within.TotalSeconds:0.###} s, but got {Describe(message)}.");
        }
    }

    private async Task<(IReadOnlyList<MessageDto>? Items, TimeSpan Waited, int Evicted)> PollAsync(MessageQuery query, int count, uint after, TimeSpan budget, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var evicted = 0;
        while (true)
        {
            var remaining = budget - _time.GetElapsedTime(started);
            var seconds = Math.Max(0, Math.Min(remaining.TotalSeconds, ServerWaitCap.TotalSeconds));
            var extra = new List<string> { $"count={count}", $"after={after}", $"timeout={seconds.ToString("0.###", CultureInfo.InvariantCulture)}" };
            using var response = await _http.GetAsync(Url("api/v1/messages/wait", query, extra), HttpCompletionOption.ResponseContentRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                evicted += int.TryParse(response.Headers.TryGetValues("Sandbox-Evicted", out var values) ? values.FirstOrDefault() : null, CultureInfo.InvariantCulture, out var n) ? n : 0;
                var waited = _time.GetElapsedTime(started);
                if (waited >= budget)
                {
                    return (null, waited, evicted);
                }

                continue;
            }

            return ((await ReadAsync<WaitResultDto>(response, cancellationToken)).Items, _time.GetElapsedTime(started), evicted);
        }
    }

    private async Task<SandboxWaitTimeoutException> TimeoutAsync(MessageQuery query, int count, uint after, TimeSpan waited, int evicted, CancellationToken cancellationToken)
    {
        var arrived = await ListAsync(MessageQuery.Any, limit: 20, after: after, cancellationToken: cancellationToken);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Timed out after {waited.TotalSeconds:0.###} s waiting for {count} message(s) matching {query} after cursor {after}.");
        sb.AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"Messages that arrived after the cursor: {arrived.Total}{(arrived.Total > arrived.Items.Count ? $" (newest {arrived.Items.Count} shown)" : "")}.");
        foreach (var item in arrived.Items)
        {
            sb.AppendLine().Append("  - ").Append(Describe(item));
        }

        sb.AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"Matching messages evicted by the store's capacity policy during the wait: {evicted}.");
        return new SandboxWaitTimeoutException(sb.ToString()) { Evicted = evicted };
    }

    private static string Describe(MessageSummaryDto m) =>
        $"#{m.Seq} from {m.From?.Address ?? "(none)"} to {string.Join(", ", m.To.Select(t => t.Address))} subject \"{m.Subject}\"";

    private static string Describe(MessageDto m) =>
        $"#{m.Seq} from {m.From?.Address ?? "(none)"} to {string.Join(", ", m.To.Select(t => t.Address).Concat(m.Bcc))} subject \"{m.Subject}\"";

    private static string Url(string path, MessageQuery? query, List<string> extra)
    {
        var parts = new List<string>();
        if (query?.ToQueryString() is { Length: > 0 } q)
        {
            parts.Add(q);
        }

        parts.AddRange(extra);
        return parts.Count == 0 ? path : $"{path}?{string.Join("&", parts)}";
    }

    private static void AddIf<T>(List<string> list, string key, T? value)
        where T : struct, IFormattable
    {
        if (value is { } v)
        {
            list.Add($"{key}={v.ToString(null, CultureInfo.InvariantCulture)}");
        }
    }

    private async Task<T> GetJsonAsync<T>(string url, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"The Sandbox answered {(int)response.StatusCode} without a body.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException($"The Sandbox answered {(int)response.StatusCode} {response.ReasonPhrase}: {body}", null, response.StatusCode);
    }
}
