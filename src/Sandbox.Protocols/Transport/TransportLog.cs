using System.Net;
using Microsoft.Extensions.Logging;

namespace Sandbox.Protocols.Transport;

internal static partial class TransportLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol} listening on {EndPoint} (implicit TLS: {ImplicitTls})")]
    public static partial void Listening(ILogger logger, string protocol, EndPoint endPoint, bool implicitTls);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Protocol} refused a connection from {Remote}: too many connections")]
    public static partial void Refused(ILogger logger, string protocol, EndPoint remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "TLS handshake with {Remote} failed")]
    public static partial void TlsFailed(ILogger logger, EndPoint remote, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Protocol} session with {Remote} failed")]
    public static partial void SessionFailed(ILogger logger, string protocol, EndPoint remote, Exception exception);
}
