using Sandbox.Protocols.Imap.Commands;

namespace Sandbox.Protocols.Imap;

/// <summary>
/// Every command the server implements. CAPABILITY is computed from this table, so nothing is
/// advertised without a handler. FETCH, STORE and SEARCH are not safe points: EXPUNGE must
/// never be sent during them (RFC 3501 7.4.1).
/// </summary>
internal static class ImapCommandTable
{
    private const ImapStates Any = ImapStates.Any;
    private const ImapStates NotAuth = ImapStates.NotAuthenticated;
    private const ImapStates Auth = ImapStates.LoggedIn;
    private const ImapStates Sel = ImapStates.Selected;

    public static readonly IReadOnlyList<ImapCommandEntry> Entries =
    [
        new("CAPABILITY", Any, true, new CapabilityCommand(), ["IMAP4rev1", "LITERAL+"]),
        new("NOOP", Any, true, new NoopCommand(), []),
        new("LOGOUT", Any, false, new LogoutCommand(), []),
        new("ID", Any, true, new IdCommand(), ["ID"]),
        new("STARTTLS", NotAuth, false, new StartTlsCommand(), ["STARTTLS"]),
        new("LOGIN", NotAuth, false, new LoginCommand(), []),
        new("AUTHENTICATE", NotAuth, false, new AuthenticateCommand(), ["SASL-IR", "AUTH=PLAIN", "AUTH=LOGIN"]),
        new("ENABLE", Auth, true, new EnableCommand(), ["ENABLE"]),
        new("NAMESPACE", Auth, true, new NamespaceCommand(), ["NAMESPACE"]),
        new("LIST", Auth, true, new ListCommand(lsub: false), ["SPECIAL-USE", "CHILDREN"]),
        new("LSUB", Auth, true, new ListCommand(lsub: true), []),
        new("STATUS", Auth, true, new StatusCommand(), []),
        new("SELECT", Auth, false, new SelectCommand(readOnly: false), []),
        new("EXAMINE", Auth, false, new SelectCommand(readOnly: true), []),
        new("CREATE", Auth, true, new CreateCommand(), []),
        new("DELETE", Auth, true, new DeleteCommand(), []),
        new("RENAME", Auth, true, new RenameCommand(), []),
        new("SUBSCRIBE", Auth, true, new SubscribeCommand(subscribe: true), []),
        new("UNSUBSCRIBE", Auth, true, new SubscribeCommand(subscribe: false), []),
        new("APPEND", Auth, true, new AppendCommand(), []),
        new("IDLE", Auth, false, new IdleCommand(), ["IDLE"]),
        new("CLOSE", Sel, false, new CloseCommand(expunge: true), []),
        new("UNSELECT", Sel, false, new CloseCommand(expunge: false), ["UNSELECT"]),
        new("CHECK", Sel, true, new NoopCommand(), []),
        new("FETCH", Sel, false, new FetchCommand(), []),
        new("STORE", Sel, false, new StoreCommand(), []),
        new("SEARCH", Sel, false, new SearchCommand(), []),
        new("EXPUNGE", Sel, true, new ExpungeCommand(), []),
        new("COPY", Sel, true, new CopyCommand(move: false), []),
        new("MOVE", Sel, true, new CopyCommand(move: true), ["MOVE"]),
        new("UID FETCH", Sel, false, new FetchCommand(), []),
        new("UID STORE", Sel, false, new StoreCommand(), []),
        new("UID SEARCH", Sel, false, new SearchCommand(), []),
        new("UID EXPUNGE", Sel, true, new ExpungeCommand(), ["UIDPLUS"]),
        new("UID COPY", Sel, true, new CopyCommand(move: false), []),
        new("UID MOVE", Sel, true, new CopyCommand(move: true), []),
    ];

    private static readonly Dictionary<string, ImapCommandEntry> s_byName = Entries.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    public static ImapCommandEntry? Find(string name) => s_byName.GetValueOrDefault(name);

    /// <summary>The capability list; STARTTLS only while it can be used.</summary>
    public static string Capabilities(bool startTlsAvailable) =>
        string.Join(' ', Entries
            .SelectMany(e => e.Capabilities)
            .Where(c => startTlsAvailable || c != "STARTTLS")
            .Distinct(StringComparer.Ordinal));
}
