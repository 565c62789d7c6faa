using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sandbox.Core.Mime;
using Sandbox.Core.Query;
using Sandbox.Core.Store;

namespace Sandbox.Server.Api;

/// <summary><c>/messages/{id}/links</c> and <c>/codes</c>: what tests click and type.</summary>
internal static class LinkCodeEndpoints
{
    public static RouteGroupBuilder MapLinksAndCodes(this RouteGroupBuilder messages)
    {
        messages.MapGet("/{id}/links", Links).WithName("GetLinks").WithSummary("Links from HTML anchors (with their text) and URLs in the text body.");
        messages.MapGet("/{id}/codes", Codes).WithName("GetCodes")
            .WithSummary("One-time codes by the documented heuristics, or by pattern=<regex with one group>.");
        return messages;
    }

    private static Results<Ok<LinkDto[]>, ProblemHttpResult> Links(MessageStore store, string id) =>
        store.Get(id) is { } message
            ? TypedResults.Ok(message.View.Links.Select(l => new LinkDto(l.Href, l.Text, l.Source)).ToArray())
            : Problems.NotFound(id);

    private static Results<Ok<IReadOnlyList<string>>, ProblemHttpResult> Codes(MessageStore store, string id, string? pattern)
    {
        if (store.Get(id) is not { } message)
        {
            return Problems.NotFound(id);
        }

        if (string.IsNullOrEmpty(pattern))
        {
            return TypedResults.Ok(message.View.Codes);
        }

        try
        {
            var regex = SafeRegex.Create(pattern, "pattern");
            if (regex.GetGroupNumbers().Length > 2)
            {
                return Problems.BadFilter("pattern must have at most one capturing group (the code).");
            }

            return TypedResults.Ok(CodeExtractor.Extract(message.View.Text, message.View.Html, regex));
        }
        catch (MessageFilterException ex)
        {
            return Problems.BadFilter(ex.Message);
        }
    }
}
