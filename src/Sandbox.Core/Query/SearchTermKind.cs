namespace Sandbox.Core.Query;

/// <summary>What a <c>q=</c> term tests.</summary>
public enum SearchTermKind
{
    /// <summary>A free word or quoted phrase: subject or body contains it.</summary>
    Word,
    To,
    From,
    Cc,
    Bcc,
    Subject,
    IsRead,
    IsUnread,
    HasAttachment,
    Before,
    After,
    Larger,
    Smaller,
}
