namespace Sandbox.Server.Configuration;

/// <summary>The web UI and API (<c>Sandbox:Http</c>); the listen URL itself is ASP.NET Core's <c>--urls</c>.</summary>
public sealed class HttpOptions
{
    public const string SectionName = "Sandbox:Http";

    /// <summary>Browser origins, besides the page's own, allowed to change mail and use the hub.</summary>
    public IList<string> AllowedOrigins { get; } = [];
}
