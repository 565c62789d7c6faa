using MimeKit;

namespace Sandbox.Core.Mime;

/// <summary>
/// Walks a parsed message's leaf parts with IMAP part numbers (RFC 3501 section 6.4.5): the
/// body of a non-multipart message is "1", children of a multipart are numbered from 1, and
/// an attached message/rfc822 is a leaf (its inside is not walked).
/// </summary>
public static class MimeTree
{
    public static IEnumerable<(string PartId, MimeEntity Entity, int Depth)> Leaves(MimeMessage message)
    {
        if (message.Body is null)
        {
            yield break;
        }

        if (message.Body is Multipart root)
        {
            foreach (var leaf in Walk(root, "", 1))
            {
                yield return leaf;
            }
        }
        else
        {
            yield return ("1", message.Body, 0);
        }
    }

    /// <summary>Finds the entity with the given part id, or null.</summary>
    public static MimeEntity? Find(MimeMessage message, string partId) =>
        Leaves(message).Where(l => l.PartId == partId).Select(l => l.Entity).FirstOrDefault();

    private static IEnumerable<(string, MimeEntity, int)> Walk(Multipart multipart, string prefix, int depth)
    {
        // Iterative over children, recursive over depth; depth is bounded by the parser's
        // MaxMimeDepth, so the recursion is bounded too.
        for (var i = 0; i < multipart.Count; i++)
        {
            var id = prefix.Length == 0 ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{prefix}.{i + 1}";
            if (multipart[i] is Multipart child)
            {
                foreach (var leaf in Walk(child, id, depth + 1))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (id, multipart[i], depth);
            }
        }
    }
}
