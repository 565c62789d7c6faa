using System.Text.Json;

namespace Sandbox.Server.Tests.Api;

/// <summary>Reads Server-Sent Events frames from a response stream (comments skipped).</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    public async Task<(string Id, string Event, JsonElement Data)> NextAsync(CancellationToken cancellationToken)
    {
        string? id = null, name = null, data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    return (id ?? "", name, JsonDocument.Parse(data ?? "null").RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = line[..colon];
            var value = line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data = value; break;
                default: break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
