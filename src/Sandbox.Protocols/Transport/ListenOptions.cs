namespace Sandbox.Protocols.Transport;

/// <summary>Where the protocol listeners bind (<c>Sandbox:ListenAddress</c>).</summary>
public sealed class ListenOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Loopback by default; the container image sets 0.0.0.0.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";
}
