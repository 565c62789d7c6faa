using Microsoft.Extensions.Logging;

namespace Sandbox.Protocols.Imap;

internal static partial class ImapLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "IMAP login as {User}")]
    public static partial void LoggedIn(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Debug, Message = "IMAP session ended: {Reason}")]
    public static partial void Ended(ILogger logger, string reason);
}
