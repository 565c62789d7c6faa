using System.Text;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>AUTHORIZATION with configured users: USER/PASS, AUTH PLAIN/LOGIN (RFC 5034), failures.</summary>
public class Pop3AuthTests(Pop3UsersHostFixture fixture) : IClassFixture<Pop3UsersHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int Port => fixture.Host.Pop3Port;

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task UserPass_ConfiguredUserWithSpaceInPassword_LogsIn()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        await client.CommandAsync($"USER {Pop3UsersHostFixture.User}", Ct);
        var pass = await client.CommandAsync($"PASS {Pop3UsersHostFixture.Password}", Ct);

        Assert.StartsWith("+OK maildrop has", pass, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthPlain_InitialResponse_LogsIn()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        var reply = await client.CommandAsync($"AUTH PLAIN {B64($"\0{Pop3UsersHostFixture.User}\0{Pop3UsersHostFixture.Password}")}", Ct);

        Assert.StartsWith("+OK", reply, StringComparison.Ordinal);
        Assert.StartsWith("+OK", await client.CommandAsync("STAT", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthPlain_Continuation_LogsIn()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        var challenge = await client.CommandAsync("AUTH PLAIN", Ct);
        var reply = await client.CommandAsync(B64($"\0{Pop3UsersHostFixture.User}\0{Pop3UsersHostFixture.Password}"), Ct);

        Assert.Equal("+ ", challenge);
        Assert.StartsWith("+OK", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthLogin_InitialResponseThenPassword_LogsIn()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        var challenge = await client.CommandAsync($"AUTH LOGIN {B64(Pop3UsersHostFixture.User)}", Ct);
        var reply = await client.CommandAsync(B64(Pop3UsersHostFixture.Password), Ct);

        Assert.Equal("+ UGFzc3dvcmQ6", challenge);
        Assert.StartsWith("+OK", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthLogin_StarCancels_ErrAndStillInAuthorization()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        var challenge = await client.CommandAsync("AUTH LOGIN", Ct);
        var cancelled = await client.CommandAsync("*", Ct);

        Assert.Equal("+ VXNlcm5hbWU6", challenge);
        Assert.StartsWith("-ERR", cancelled, StringComparison.Ordinal);
        Assert.StartsWith("-ERR", await client.CommandAsync("STAT", Ct), StringComparison.Ordinal);
        Assert.Equal("+OK", await client.CommandAsync("NOOP", Ct));
    }

    [Fact]
    public async Task WrongPassword_ThreeTimes_ClosesConnection()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        await client.CommandAsync($"USER {Pop3UsersHostFixture.User}", Ct);
        var first = await client.CommandAsync("PASS wrong", Ct);
        var second = await client.CommandAsync($"AUTH PLAIN {B64($"\0{Pop3UsersHostFixture.User}\0nope")}", Ct);
        var third = await client.CommandAsync("AUTH PLAIN !!notbase64!!", Ct);

        Assert.StartsWith("-ERR [AUTH]", first, StringComparison.Ordinal);
        Assert.StartsWith("-ERR [AUTH]", second, StringComparison.Ordinal);
        Assert.StartsWith("-ERR [AUTH]", third, StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync(Ct));
    }

    [Fact]
    public async Task UnknownUser_Rejected_SessionContinues()
    {
        await using var client = await Pop3LineClient.ConnectAsync(Port, Ct);

        await client.CommandAsync("USER someone", Ct);
        var reply = await client.CommandAsync($"PASS {Pop3UsersHostFixture.Password}", Ct);

        Assert.StartsWith("-ERR [AUTH]", reply, StringComparison.Ordinal);
        Assert.Equal("+OK", await client.CommandAsync("NOOP", Ct));
    }
}
