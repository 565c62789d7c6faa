namespace Sandbox.Core.Mime;

/// <summary>
/// Bounded pools that let stored messages share equal small values: the same sender, recipient,
/// subject or HELO name is then kept once instead of once per message (mail under test mostly
/// repeats them). Each pool forgets everything when it reaches its capacity, so a flood of
/// distinct values costs at most that many entries. Thread-safe; values are immutable.
/// </summary>
internal static class SharedValues
{
    /// <summary>Longer strings are rarely repeated and are not pooled.</summary>
    public const int MaxPooledLength = 256;

    private static readonly BoundedPool<string, string> s_strings = new(4096, StringComparer.Ordinal);
    private static readonly BoundedPool<string, string[]> s_stringLists = new(4096, StringComparer.Ordinal);
    private static readonly BoundedPool<MailAddress, MailAddress[]> s_addressLists = new(4096, EqualityComparer<MailAddress>.Default);

    /// <summary>A pooled equal string (or the value itself when it is null, empty or long).</summary>
    public static string? Text(string? value) =>
        string.IsNullOrEmpty(value) || value.Length > MaxPooledLength ? value : s_strings.Share(value, static v => v);

    /// <summary>An immutable list equal to <paramref name="addresses"/>; one-address lists are shared.</summary>
    public static IReadOnlyList<MailAddress> Addresses(List<MailAddress> addresses)
    {
        if (addresses.Count == 0)
        {
            return [];
        }

        if (addresses.Count == 1 && IsSmall(addresses[0]))
        {
            return s_addressLists.Share(addresses[0], NewAddressList);
        }

        var list = new MailAddress[addresses.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = IsSmall(addresses[i]) ? s_addressLists.Share(addresses[i], NewAddressList)[0] : addresses[i];
        }

        return list;
    }

    /// <summary>An immutable list equal to <paramref name="values"/>, of pooled strings; one-string lists are shared.</summary>
    public static IReadOnlyList<string> Strings(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return [];
        }

        if (values.Count == 1 && values[0].Length <= MaxPooledLength)
        {
            return s_stringLists.Share(values[0], static v => [Text(v)!]);
        }

        var list = new string[values.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = Text(values[i])!;
        }

        return list;
    }

    private static bool IsSmall(MailAddress a) => a.Address.Length + (a.Name?.Length ?? 0) <= MaxPooledLength;

    private static MailAddress[] NewAddressList(MailAddress a) => [new MailAddress(Text(a.Name), Text(a.Address)!)];
}
