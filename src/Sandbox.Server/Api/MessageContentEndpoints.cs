using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MimeKit;
using Sandbox.Core.Ingest;
using Sandbox.Core.Mime;
using Sandbox.Core.Store;

namespace Sandbox.Server.Api;

/// <summary>Raw bytes, bodies and parts of one message.</summary>
internal static class MessageContentEndpoints
{
    /// <summary>
    /// The HTML body is mail content: served with a CSP that sandboxes it (no scripts, no
    /// same-origin, no forms, no plugins) and loads nothing from the network.
    /// </summary>
    public const string HtmlPolicy = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static RouteGroupBuilder MapMessageContent(this RouteGroupBuilder messages)
    {
        messages.MapGet("/{id}/raw", Raw).WithName("GetRaw").WithSummary("The exact bytes received, as message/rfc822.");
        messages.MapGet("/{id}/html", Html).WithName("GetHtml").WithSummary("The HTML body, with a sandboxing Content-Security-Policy.");
        messages.MapGet("/{id}/text", Text).WithName("GetText").WithSummary("The plain-text body.");
        messages.MapGet("/{id}/parts/{partId}", Part).WithName("GetPart").WithSummary("A part's decoded content, as a download.");
        return messages;
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Raw(MessageStore store, string id) =>
        store.Get(id) is { } message
            ? TypedResults.File(message.Raw.ToArray(), "message/rfc822", $"{message.Id}.eml")
            : Problems.NotFound(id);

    private static Results<ContentHttpResult, ProblemHttpResult> Html(MessageStore store, string id, HttpContext http)
    {
        if (store.Get(id) is not { } message)
        {
            return Problems.NotFound(id);
        }

        if (message.View.Html is not { } html)
        {
            return Problems.NotFound("No HTML body", "The message has no HTML body.");
        }

        http.Response.Headers.ContentSecurityPolicy = HtmlPolicy;
        return TypedResults.Content(html, "text/html", Encoding.UTF8);
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Text(MessageStore store, string id)
    {
        if (store.Get(id) is not { } message)
        {
            return Problems.NotFound(id);
        }

        return message.View.Text is { } text
            ? TypedResults.Content(text, "text/plain", Encoding.UTF8)
            : Problems.NotFound("No text body", "The message has no plain-text body.");
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Part(MessageStore store, IngestLimits limits, string id, string partId)
    {
        if (store.Get(id) is not { } message)
        {
            return Problems.NotFound(id);
        }

        var parsed = message.View.ParseFailed ? null : MessageViewBuilder.Parse(message.Raw, limits);
        var entity = parsed is null ? null : MimeTree.Find(parsed, partId);
        if (entity is null)
        {
            return Problems.NotFound("Part not found", $"The message has no part '{Problems.Sanitise(partId)}'.");
        }

        using var content = new MemoryStream();
        switch (entity)
        {
            case MimePart part when part.Content is not null:
                part.Content.DecodeTo(content);
                break;
            case MessagePart rfc822 when rfc822.Message is not null:
                rfc822.Message.WriteTo(content);
                break;
            default:
                break;
        }

        var fileName = FileNames.Sanitise(entity is MimePart mp ? mp.FileName : entity.ContentDisposition?.FileName, $"part-{partId}");
        return TypedResults.File(content.ToArray(), entity.ContentType.MimeType.ToLowerInvariant(), fileName);
    }
}
