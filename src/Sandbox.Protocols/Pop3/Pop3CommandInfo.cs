namespace Sandbox.Protocols.Pop3;

/// <summary>One row of the command table: the states a command is allowed in and the CAPA line it adds.</summary>
internal sealed record Pop3CommandInfo(Pop3Command Command, Pop3State States, string? Capability);
