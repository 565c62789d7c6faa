using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Sandbox.Protocols.Smtp;

/// <summary>
/// Accepts every sender and recipient (a sandbox captures everything), up to the recipient
/// limit per transaction; beyond it RCPT gets <c>452</c> (RFC 5321 section 4.5.3.1.10) and
/// the accepted recipients still get the mail.
/// </summary>
internal sealed class SandboxMailboxFilter(int maxRecipients) : IMailboxFilter
{
    private static readonly SmtpResponse TooManyRecipients = new(SmtpReplyCode.InsufficientStorage, "4.5.3 Too many recipients");

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        context.Properties[SmtpSessionKeys.RecipientCount] = 0;
        return Task.FromResult(true);
    }

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var count = context.Properties.TryGetValue(SmtpSessionKeys.RecipientCount, out var value) && value is int n ? n : 0;
        if (count >= maxRecipients)
        {
            throw new SmtpResponseException(TooManyRecipients);
        }

        context.Properties[SmtpSessionKeys.RecipientCount] = count + 1;
        return Task.FromResult(true);
    }
}
