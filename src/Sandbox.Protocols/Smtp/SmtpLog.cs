using System.Net;
using Microsoft.Extensions.Logging;

namespace Sandbox.Protocols.Smtp;

internal static partial class SmtpLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP listening on {EndPoint} (secure: {Secure})")]
    public static partial void Listening(ILogger logger, EndPoint endPoint, bool secure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP session {SessionId} faulted")]
    public static partial void SessionFaulted(ILogger logger, Guid sessionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP session {SessionId} from {Remote} started")]
    public static partial void SessionStarted(ILogger logger, Guid sessionId, object? remote);
}
