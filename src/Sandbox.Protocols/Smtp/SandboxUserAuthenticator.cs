using Sandbox.Protocols.Transport;
using SmtpServer;
using SmtpServer.Authentication;

namespace Sandbox.Protocols.Smtp;

/// <summary>AUTH PLAIN and LOGIN: any credentials by default, or only configured users (others get 535).</summary>
internal sealed class SandboxUserAuthenticator(CredentialCheck credentials) : IUserAuthenticator
{
    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
        Task.FromResult(credentials.IsValid(user, password));
}
