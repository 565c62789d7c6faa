using Sandbox.Core.Messages;

namespace Sandbox.Core.Store;

/// <summary>
/// One change of the store, published to every subscriber after it is committed.
/// <see cref="Cursor"/> is the store's head sequence number when the change happened.
/// </summary>
public abstract record StoreChange(uint Cursor);

public sealed record MessageAdded(uint Cursor, StoredMessage Message) : StoreChange(Cursor);

/// <summary>Messages deleted by a user (REST, UI, IMAP EXPUNGE, POP3 QUIT).</summary>
public sealed record MessagesRemoved(uint Cursor, IReadOnlyList<StoredMessage> Messages) : StoreChange(Cursor);

/// <summary>Messages evicted by the capacity policy, oldest first.</summary>
public sealed record MessagesEvicted(uint Cursor, IReadOnlyList<StoredMessage> Messages) : StoreChange(Cursor);

public sealed record FlagsChanged(uint Cursor, StoredMessage Message, MessageFlags Flags) : StoreChange(Cursor);

public sealed record StoreCleared(uint Cursor, int Count) : StoreChange(Cursor);
