namespace Sandbox.Server.Realtime;

internal static partial class RealtimeLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "The inbox broadcaster fell behind the store; browsers were told to resynchronise")]
    public static partial void Overflowed(ILogger logger);

    [LoggerMessage(EventId = 601, Level = LogLevel.Error, Message = "The inbox broadcaster failed to push a change")]
    public static partial void SendFailed(ILogger logger, Exception exception);
}
