namespace Sandbox.Server.Security;

/// <summary>
/// Which browser origins may change mail and connect to the hub: the same origin as the
/// request, plus <c>Sandbox:Http:AllowedOrigins</c>. Requests without an Origin header (curl,
/// test clients) are not cross-site requests and are allowed.
/// </summary>
internal sealed class OriginPolicy(IReadOnlyCollection<string> allowed)
{
    public bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var sameOrigin = string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        return sameOrigin || allowed.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
    }
}
