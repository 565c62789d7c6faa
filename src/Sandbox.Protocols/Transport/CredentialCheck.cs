namespace Sandbox.Protocols.Transport;

/// <summary>
/// The credential rule shared by SMTP, IMAP and POP3: with no configured users any user name
/// and password are accepted (apps under test send some); otherwise only configured pairs.
/// </summary>
public sealed class CredentialCheck(IReadOnlyDictionary<string, string> users)
{
    public static readonly CredentialCheck AcceptAny = new(new Dictionary<string, string>());

    public bool AcceptsAnyone => users.Count == 0;

    public bool IsValid(string? user, string? password)
    {
        if (users.Count == 0)
        {
            return true;
        }

        return user is not null
            && password is not null
            && users.TryGetValue(user, out var expected)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(password));
    }
}
