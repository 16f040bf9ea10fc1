using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Newcomers.Integration.Tests;

/// <summary>REST/JSON calls to the host's HTTP/1.1 port, as a provider's or platform's own system makes them.</summary>
public static class Rest
{
    /// <summary>A client for the host's HTTP port, with a bearer token unless none is given.</summary>
    public static HttpClient Client(RunningHost host, string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(host.HttpAddress) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The status and the body as JSON.</summary>
    public static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The field violations of a JSON error's google.rpc.BadRequest detail, as (field, reason).</summary>
    public static List<(string Field, string Reason)> FieldViolations(JsonElement error) =>
        [.. error.GetProperty("details").EnumerateArray()
            .Where(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .SelectMany(d => d.GetProperty("fieldViolations").EnumerateArray())
            .Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("reason").GetString()!))];
}
