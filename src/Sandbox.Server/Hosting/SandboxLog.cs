namespace Sandbox.Server.Hosting;

internal static partial class SandboxLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The web UI and API listen on {Urls} without authentication: anyone who can reach this port can read and delete the captured mail.")]
    public static partial void UnauthenticatedPublicUi(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "TLS is on; certificate SHA-256 fingerprint {Fingerprint}")]
    public static partial void TlsFingerprint(ILogger logger, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox {Version} ready: {Ports}; web UI and API on {Urls}")]
    public static partial void Ready(ILogger logger, string version, string ports, string urls);
}
