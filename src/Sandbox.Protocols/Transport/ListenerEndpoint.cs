namespace Sandbox.Protocols.Transport;

/// <summary>One socket a protocol listens on: its registry name, port (0 = ephemeral), and whether TLS starts at once.</summary>
public sealed record ListenerEndpoint(string Name, int Port, bool ImplicitTls);
