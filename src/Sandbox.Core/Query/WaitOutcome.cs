using Sandbox.Core.Messages;

namespace Sandbox.Core.Query;

/// <summary>
/// The result of <see cref="MessageWaiter.WaitAsync"/>: the matches (oldest first), whether the
/// wanted count was reached, how many matching messages the capacity policy evicted during the
/// wait, and the cursor to continue from.
/// </summary>
public sealed record WaitOutcome(IReadOnlyList<StoredMessage> Matches, bool Completed, int Evicted, uint Cursor);
