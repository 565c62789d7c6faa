namespace Sandbox.Protocols.Pop3;

/// <summary>
/// Every command, the states it is allowed in, and the capability it adds to CAPA (RFC 2449),
/// so CAPA is computed here and never drifts from what the session executes.
/// </summary>
internal static class Pop3CommandTable
{
    public const string Implementation = "IMPLEMENTATION Sandbox";

    private const Pop3State Both = Pop3State.Authorization | Pop3State.Transaction;

    public static IReadOnlyList<Pop3CommandInfo> Commands { get; } =
    [
        new(Pop3Command.Top, Pop3State.Transaction, "TOP"),
        new(Pop3Command.Uidl, Pop3State.Transaction, "UIDL"),
        new(Pop3Command.User, Pop3State.Authorization, "USER"),
        new(Pop3Command.Pass, Pop3State.Authorization, null),
        new(Pop3Command.Auth, Pop3State.Authorization, "SASL PLAIN LOGIN"),
        new(Pop3Command.Stls, Pop3State.Authorization, "STLS"),
        new(Pop3Command.Capa, Both, null),
        new(Pop3Command.Quit, Both, null),
        new(Pop3Command.Stat, Pop3State.Transaction, null),
        new(Pop3Command.List, Pop3State.Transaction, null),
        new(Pop3Command.Retr, Pop3State.Transaction, null),
        new(Pop3Command.Dele, Pop3State.Transaction, null),
        new(Pop3Command.Noop, Both, null),
        new(Pop3Command.Rset, Pop3State.Transaction, null),
    ];

    /// <summary>Capabilities that belong to no single command.</summary>
    public static IReadOnlyList<string> General { get; } = ["RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", Implementation];

    public static Pop3CommandInfo? Find(Pop3Command command) => Commands.FirstOrDefault(c => c.Command == command);

    /// <summary>
    /// The CAPA lines. STLS is listed only when TLS is available and the connection is still
    /// plaintext in AUTHORIZATION (RFC 2595 section 4); everything else is listed in both
    /// states, because MailKit re-reads CAPA after login and keeps what it learned.
    /// </summary>
    public static IEnumerable<string> Capabilities(bool offerStls) =>
        Commands
            .Where(c => c.Capability is not null && (c.Command != Pop3Command.Stls || offerStls))
            .Select(c => c.Capability!)
            .Concat(General);
}
