using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Sandbox.Server.Api;

/// <summary>RFC 9457 problem details for the API's own errors.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string id) =>
        NotFound("Message not found", $"No message has the id '{Sanitise(id)}'.");

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static ProblemHttpResult BadFilter(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad filter");

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>Client text echoed in a problem: printable ASCII only, bounded.</summary>
    public static string Sanitise(string value)
    {
        var chars = value.Take(64).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray();
        return new string(chars);
    }
}
