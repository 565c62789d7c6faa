namespace Sandbox.Core.Messages;

/// <summary>
/// The system flags of RFC 3501 section 2.3.2, shared by every view of a message:
/// <see cref="Seen"/> is what the web inbox and the REST API call "read".
/// </summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    Seen = 1,
    Answered = 2,
    Flagged = 4,
    Deleted = 8,
    Draft = 16,
}
