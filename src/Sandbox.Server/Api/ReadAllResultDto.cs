namespace Sandbox.Server.Api;

/// <summary>How many messages "mark all read" changed.</summary>
public sealed record ReadAllResultDto(int Updated);
