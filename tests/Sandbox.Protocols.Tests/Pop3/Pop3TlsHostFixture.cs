namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>A Sandbox with a generated certificate: STLS on the plain port and an implicit-TLS port.</summary>
public sealed class Pop3TlsHostFixture : Pop3HostFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Sandbox:Tls:Certificate"] = "auto" };
}
