using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.Server.Tests.Api;

internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(Options, TestContext.Current.CancellationToken);
        return value ?? throw new InvalidOperationException("empty body");
    }
}
