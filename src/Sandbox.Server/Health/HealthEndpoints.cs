using Sandbox.Protocols.Transport;

namespace Sandbox.Server.Health;

/// <summary>Liveness and readiness: ready means every protocol listener is bound.</summary>
internal static class HealthEndpoints
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/livez", () => TypedResults.Text("alive")).WithTags("Health").ExcludeFromDescription();
        app.MapGet("/readyz", Ready).WithTags("Health").ExcludeFromDescription();
        app.MapGet("/healthz", Ready).WithTags("Health").ExcludeFromDescription();
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Ready(BoundEndpoints endpoints) =>
        endpoints.AllBound
            ? TypedResults.Text("ready")
            : TypedResults.Text("listeners not bound yet", statusCode: StatusCodes.Status503ServiceUnavailable);
}
