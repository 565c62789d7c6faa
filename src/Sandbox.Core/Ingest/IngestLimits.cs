namespace Sandbox.Core.Ingest;

/// <summary>
/// Resource limits applied to every message before MimeKit sees it (security.md): MimeKit's
/// own defaults are not resource limits (a 4 MiB folded header parses in about a minute).
/// </summary>
public sealed record IngestLimits
{
    public int MaxHeaderFieldBytes { get; init; } = 64 * 1024;

    public int MaxHeaderBlockBytes { get; init; } = 1024 * 1024;

    public int MaxMimeDepth { get; init; } = 100;

    public int MaxMimeParts { get; init; } = 10_000;
}
