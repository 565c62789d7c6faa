namespace Sandbox.Server.Realtime;

/// <summary>Store counts for the inbox header, title and favicon badge.</summary>
public sealed record InboxStatsDto(int Messages, int Unread, long Bytes, long Evictions, uint Cursor, uint UidValidity);
