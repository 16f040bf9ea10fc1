using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Newcomers.BuildingBlocks.Auth;

/// <summary>
/// Bearer tokens for a service's own calls to the other services (role "service"). With an OIDC
/// provider (Auth:Authority) they come from it by the client credentials grant, as this service's
/// client (Auth:ClientId, Auth:ClientSecret, optional Auth:Scope); without one they are minted with
/// the local key. Either way a token is reused until a minute before it expires.
/// </summary>
public sealed class ServiceTokens(IOptions<AuthOptions> options, string subject) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly AuthOptions auth = options.Value;
    private readonly SemaphoreSlim renewing = new(1, 1);
    private readonly HttpClient http = new();
    private volatile Held current = new("", DateTimeOffset.MinValue);

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var held = current;
        if (held.Fresh) return held.Token;
        await renewing.WaitAsync(cancellationToken);
        try
        {
            if (!current.Fresh)
                current = auth.Authority.Length > 0 ? await RequestAsync(cancellationToken) : Mint();
            return current.Token;
        }
        finally
        {
            renewing.Release();
        }
    }

    private Held Mint()
    {
        var lifetime = TimeSpan.FromHours(1);
        return new(LocalTokens.Mint(auth, subject, Roles.Service, lifetime: lifetime), DateTimeOffset.UtcNow + lifetime);
    }

    private async Task<Held> RequestAsync(CancellationToken cancellationToken)
    {
        if (auth.ClientId.Length == 0 || auth.ClientSecret.Length == 0)
            throw new InvalidOperationException("With Auth:Authority set, calls between services need Auth:ClientId and Auth:ClientSecret");
        var discovery = await OpenIdConnectConfigurationRetriever.GetAsync(auth.Authority.TrimEnd('/') + "/.well-known/openid-configuration",
            new HttpDocumentRetriever(http) { RequireHttps = auth.RequireHttpsMetadata }, cancellationToken);
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (auth.Scope.Length > 0) form["scope"] = auth.Scope;
        using var request = new HttpRequestMessage(HttpMethod.Post, discovery.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(auth.ClientId)}:{Uri.EscapeDataString(auth.ClientSecret)}")));
        var requested = DateTimeOffset.UtcNow;
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The OIDC provider refused this service's client credentials ({(int)response.StatusCode})");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var token = body.RootElement.GetProperty("access_token").GetString()!;
        var lifetime = body.RootElement.TryGetProperty("expires_in", out var seconds) ? TimeSpan.FromSeconds(seconds.GetInt32()) : Margin;
        return new(token, requested + lifetime);
    }

    private sealed record Held(string Token, DateTimeOffset Expires)
    {
        public bool Fresh => Expires > DateTimeOffset.UtcNow + Margin;
    }

    public void Dispose()
    {
        renewing.Dispose();
        http.Dispose();
    }
}
