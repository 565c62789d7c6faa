namespace Sandbox.Server.Security;

/// <summary>
/// The app's own pages and API: a strict CSP, no sniffing, no referrer (security.md), and
/// mutating requests from a foreign Origin refused (a cross-site form POST must not delete
/// mail; a browser always sends Origin on such requests).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, OriginPolicy origins)
{
    // The mail preview is a srcdoc iframe, which inherits this policy and can only narrow it
    // (its own meta CSP does, per message). So the app allows inline styles (mail HTML is styled
    // inline) and http(s) images (shown only after the user clicks "load images" for a message);
    // scripts stay 'self' only, and the iframe is sandboxed without allow-scripts.
    public const string AppPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: http: https:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

    // The offline API docs page (Scalar) needs inline styles and scripts of its own bundle.
    private const string DocsPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !origins.IsAllowed(request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsJsonAsync(
                new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.4", title = "Forbidden", status = 403, detail = "Cross-origin requests may not change mail." },
                options: null,
                contentType: "application/problem+json");
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase) ? DocsPolicy : AppPolicy;
        return next(context);
    }
}
