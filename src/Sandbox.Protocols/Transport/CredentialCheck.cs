namespace Sandbox.Protocols.Transport;

/// <summary>
/// The credential rule shared by SMTP, IMAP and POP3: with no configured users any user name
/// and password are accepted (apps under test send some); otherwise only configured pairs.
/// </summary>
public sealed class CredentialCheck(IReadOnlyDictionary<string, string> users)
{
    public static readonly CredentialCheck AcceptAny = new(new Dictionary<string, string>());

    public bool AcceptsAnyone => users.Count == 0;

    /// <summary>
    /// Parses configured <c>user:password</c> entries (the password may contain ':');
    /// returns the error for a malformed entry, or null.
    /// </summary>
    public static string? TryParse(IEnumerable<string> entries, out CredentialCheck check)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        check = AcceptAny;
        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return "a user entry must be 'user:password' (got an entry without a user name or ':')";
            }

            parsed[entry[..colon]] = entry[(colon + 1)..];
        }

        check = new CredentialCheck(parsed);
        return null;
    }

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
