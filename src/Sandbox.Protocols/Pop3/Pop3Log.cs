using System.Net;
using Microsoft.Extensions.Logging;

namespace Sandbox.Protocols.Pop3;

internal static partial class Pop3Log
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "POP3 session from {Remote} started (secure: {Secure})")]
    public static partial void SessionStarted(ILogger logger, EndPoint remote, bool secure);

    [LoggerMessage(Level = LogLevel.Information, Message = "POP3 login {User}: {Count} messages in the maildrop")]
    public static partial void LoggedIn(ILogger logger, string user, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "POP3 login failed for {User} (attempt {Attempt})")]
    public static partial void LoginFailed(ILogger logger, string user, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "POP3 {User} quit: {Deleted} messages deleted")]
    public static partial void Updated(ILogger logger, string user, int deleted);

    [LoggerMessage(Level = LogLevel.Debug, Message = "POP3 session ended without QUIT ({Reason}); nothing deleted")]
    public static partial void Dropped(ILogger logger, string reason);
}
