using Sandbox.Server.Security;

namespace Sandbox.Server.Realtime;

/// <summary>
/// Refuses hub requests (negotiate and the WebSocket upgrade, which is a GET) from a foreign
/// Origin with 403: cross-site WebSocket hijacking (security.md).
/// </summary>
internal sealed class HubOriginMiddleware(RequestDelegate next, OriginPolicy origins)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(InboxHub.Path, StringComparison.OrdinalIgnoreCase) && !origins.IsAllowed(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
