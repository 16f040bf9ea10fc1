using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;
using Newcomers.TestSupport;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The host configured for an OIDC provider (Auth:Authority), here a real one (node-oidc-provider):
/// clients get tokens from it by client credentials, as platforms and the matching service do, and
/// people by signing in at a web client (the authorization code flow with PKCE), as at the console.
/// </summary>
public sealed partial class OidcTests
{
    private static readonly OidcClient PlatformA = new("platform-a", "secret-of-platform-a-0123456789", Roles.Platform, Platform: "vrijwilligers-a");
    private static readonly OidcClient PlatformB = new("platform-b", "secret-of-platform-b-0123456789", Roles.Platform, Platform: "vrijwilligers-b");
    private static readonly OidcClient Caseworker = new("werkbedrijf-soest", "secret-of-werkbedrijf-0123456789", Roles.Caseworker, Municipalities: ["GM0342"]);
    private static readonly OidcClient MatchingProcess = new("matching", "secret-of-matching-0123456789", Roles.Service);

    // The console's addresses are never served: the flow stops at the redirect to them.
    private const string ConsoleAddress = "http://127.0.0.1:9";
    private static readonly OidcWebClient WebConsole = new("console", "secret-of-the-console-0123456789",
        [$"{ConsoleAddress}/signin-oidc"], [$"{ConsoleAddress}/signout-callback-oidc"]);
    private static readonly OidcUser Anna = new("anna.devries", "password-of-anna-0123", "Anna de Vries", Roles.Caseworker, Municipalities: ["GM0342"]);

    [Fact]
    public async Task Clients_with_tokens_from_the_provider_are_held_to_their_role_and_scope_and_local_tokens_are_refused()
    {
        await using var oidc = await OidcProvider.StartAsync(PlatformA, PlatformB, Caseworker);
        await using var host = await StartAsync(oidc);
        using var platformA = Client(host, oidc, PlatformA);
        using var platformB = Client(host, oidc, PlatformB);
        using var caseworker = Client(host, oidc, Caseworker);

        var provider = Build.Provider(ProviderKind.VolunteerOrganisation, "Buurthuis De Linde");
        provider.PlatformId = "vrijwilligers-a";
        provider = await platformA.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = provider });
        var placement = await platformA.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var newcomer = await caseworker.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });

        Assert.Contains((await caseworker.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id })).Suggestions,
            s => s.OpportunityId == placement.Id);
        // Postings are public, but only the platform that represents the provider may change them.
        var retitled = new Opportunity(placement) { Title = "Bakkerij, nu via platform B" };
        await Expect.Status(StatusCode.PermissionDenied, () => platformB.Opportunities.UpdateOpportunityAsync(new UpdateOpportunityRequest { Opportunity = retitled }).ResponseAsync);
        Assert.Equal(retitled.Title, (await platformA.Opportunities.UpdateOpportunityAsync(new UpdateOpportunityRequest { Opportunity = retitled })).Title);
        await Expect.Status(StatusCode.PermissionDenied, () => platformB.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id }).ResponseAsync);
        await Expect.Status(StatusCode.PermissionDenied, () => caseworker.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() }).ResponseAsync);

        // The demo key no longer opens anything, not even for an admin's claims.
        await Expect.Status(StatusCode.Unauthenticated, () => host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id }).ResponseAsync);
    }

    [Fact]
    public async Task The_matching_service_rebuilds_its_read_model_with_a_service_token_it_gets_from_the_provider()
    {
        await using var oidc = await OidcProvider.StartAsync(PlatformA, MatchingProcess);
        await using var host = await StartAsync(oidc);
        using var platform = Client(host, oidc, PlatformA);
        var provider = Build.Provider(ProviderKind.VolunteerOrganisation);
        provider.PlatformId = "vrijwilligers-a";
        provider = await platform.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = provider });
        var placement = await platform.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });

        using var tokens = Tokens(oidc, MatchingProcess);
        using var channel = BearerChannel.For(host.GrpcAddress, tokens.GetAsync);
        var source = new GrpcReadModelSource(channel, channel);
        var model = new MatchingReadModel();
        await foreach (var p in source.ProvidersAsync(CancellationToken.None)) model.Apply(p);
        await foreach (var o in source.OpportunitiesAsync(CancellationToken.None)) model.Apply(o);

        Assert.Equal(provider.Id, model.Opportunity(placement.Id)?.ProviderId);
        // The token is reused while it is valid, not fetched for every call.
        Assert.Same(await tokens.GetAsync(CancellationToken.None), await tokens.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_matching_process_gets_its_service_token_from_the_provider_and_rebuilds_its_read_model()
    {
        var admin = new OidcClient("gemeente-beheer", "secret-of-the-admin-client-0123456789", Roles.Admin);
        await using var oidc = await OidcProvider.StartAsync(admin, MatchingProcess);
        await using var host = await StartAsync(oidc);
        using var asAdmin = Client(host, oidc, admin);
        var provider = await asAdmin.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await asAdmin.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var newcomer = await asAdmin.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });

        // The Matching service as its own process, reading the host's Profiles and Opportunities with a token it gets itself.
        await using var matching = await ServiceUnderTest.StartAsync("Matching", $"--Auth:Authority={oidc.Issuer}", "--Auth:RequireHttpsMetadata=false",
            $"--Auth:ClientId={MatchingProcess.Id}", $"--Auth:ClientSecret={MatchingProcess.Secret}", $"--Matching:ProfilesAddress={host.GrpcAddress}",
            $"--Matching:OpportunitiesAddress={host.GrpcAddress}", "--Matching:BootstrapModel=false", $"--Storage:DataDirectory={RunningHost.NewDataDirectory()}");
        using var tokens = Tokens(oidc, admin);
        using var channel = BearerChannel.For(matching.GrpcAddress, tokens.GetAsync);

        var suggested = await new MatchingService.MatchingServiceClient(channel).RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
        Assert.Contains(suggested.Suggestions, s => s.OpportunityId == placement.Id);
    }

    [Fact]
    public async Task A_client_with_a_wrong_secret_gets_no_token()
    {
        await using var oidc = await OidcProvider.StartAsync(MatchingProcess);
        using var tokens = Tokens(oidc, MatchingProcess with { Secret = "not-the-secret-0123456789" });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await tokens.GetAsync(CancellationToken.None));
        Assert.Contains("refused", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_signs_in_by_the_authorization_code_flow_and_calls_with_her_access_token_in_her_municipality_only()
    {
        await using var oidc = await OidcProvider.StartAsync(new OidcOptions { WebClients = [WebConsole], Users = [Anna], AccessTokenSeconds = 120 });
        await using var host = await StartAsync(oidc);
        using var browser = new Browser(oidc);

        var (verifier, challenge) = Pkce();
        var code = await browser.SignInAsync(Anna.Sub, Anna.Password, challenge);
        Assert.NotNull(code);
        var tokens = await RedeemAsync(oidc, new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = WebConsole.RedirectUris[0], ["code_verifier"] = verifier });

        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        Assert.Equal((Anna.Sub, Anna.Name), (idToken.Subject, idToken.GetClaim("name").Value));
        Assert.Equal(120, tokens.GetProperty("expires_in").GetInt32());
        using var asAnna = new Clients(BearerChannel.For(host.GrpcAddress, tokens.GetProperty("access_token").GetString()!));
        var newcomer = await asAnna.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        Assert.Contains((await asAnna.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = "GM0342" })).Newcomers, n => n.Id == newcomer.Id);
        await Expect.Status(StatusCode.PermissionDenied, () => asAnna.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = "GM0308" }).ResponseAsync);

        // The console renews an expiring access token with its refresh token: still Anna's, still for the service.
        var renewed = await RedeemAsync(oidc, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()! });
        var access = new JsonWebToken(renewed.GetProperty("access_token").GetString());
        Assert.Equal((Anna.Sub, Roles.Caseworker, "newcomer-matching"), (access.Subject, access.GetClaim("role").Value, access.Audiences.Single()));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_login_form_again_and_gives_no_code()
    {
        await using var oidc = await OidcProvider.StartAsync(new OidcOptions { WebClients = [WebConsole], Users = [Anna] });
        using var browser = new Browser(oidc);

        Assert.Null(await browser.SignInAsync(Anna.Sub, "not-the-password", Pkce().Challenge));
        Assert.Contains("wrong", browser.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_at_the_provider_returns_to_the_console_and_the_next_sign_in_asks_for_the_password_again()
    {
        await using var oidc = await OidcProvider.StartAsync(new OidcOptions { WebClients = [WebConsole], Users = [Anna] });
        using var browser = new Browser(oidc);
        var (verifier, challenge) = Pkce();
        var code = await browser.SignInAsync(Anna.Sub, Anna.Password, challenge);
        var tokens = await RedeemAsync(oidc, new() { ["grant_type"] = "authorization_code", ["code"] = code!, ["redirect_uri"] = WebConsole.RedirectUris[0], ["code_verifier"] = verifier });

        // As the OpenIdConnect handler signs out: the ID token as hint, back to the console with its state.
        var endSession = QueryHelpers.AddQueryString((await Discovery(oidc)).GetProperty("end_session_endpoint").GetString()!, new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens.GetProperty("id_token").GetString(), ["post_logout_redirect_uri"] = WebConsole.PostLogoutRedirectUris[0], ["state"] = "signed-out",
        });
        var back = await browser.SubmitFormAsync(await browser.FollowAsync(new HttpRequestMessage(HttpMethod.Get, endSession)), new());
        Assert.Equal($"{WebConsole.PostLogoutRedirectUris[0]}?state=signed-out", back.Headers.Location?.AbsoluteUri);

        // Her session at the provider is over too: it asks for her password again.
        Assert.Null(await browser.SignInAsync(Anna.Sub, password: null, Pkce().Challenge));
        Assert.Contains("name=\"password\"", browser.LastPage, StringComparison.Ordinal);
    }

    private static Task<RunningHost> StartAsync(OidcProvider oidc) =>
        RunningHost.StartAsync(null, $"--Auth:Authority={oidc.Issuer}", "--Auth:RequireHttpsMetadata=false");

    private static ServiceTokens Tokens(OidcProvider oidc, OidcClient client) => new(Options.Create(new AuthOptions
    {
        Authority = oidc.Issuer, RequireHttpsMetadata = false, ClientId = client.Id, ClientSecret = client.Secret,
    }), client.Id);

    private static async Task<JsonElement> Discovery(OidcProvider oidc)
    {
        using var http = new HttpClient();
        return JsonDocument.Parse(await http.GetStringAsync(new Uri($"{oidc.Issuer}/.well-known/openid-configuration"))).RootElement;
    }

    /// <summary>A PKCE code verifier and its S256 challenge.</summary>
    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>The console's back-channel call to the token endpoint, with its secret in the form.</summary>
    private static async Task<JsonElement> RedeemAsync(OidcProvider oidc, Dictionary<string, string> form)
    {
        form["client_id"] = WebConsole.Id;
        form["client_secret"] = WebConsole.Secret;
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri((await Discovery(oidc)).GetProperty("token_endpoint").GetString()!), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"the token endpoint answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>
    /// A person's browser as the provider sees it: cookies kept, redirects followed while they stay at
    /// the provider, forms posted. The redirect back to the console is not followed but read.
    /// </summary>
    private sealed partial class Browser(OidcProvider oidc) : IDisposable
    {
        private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

        /// <summary>The last page the provider showed.</summary>
        public string LastPage { get; private set; } = "";

        /// <summary>
        /// Asks the provider for a code as the console does, signs in on its login form if it shows one
        /// (and <paramref name="password"/> is given) and returns the code it redirects back with, or
        /// null if it does not redirect back.
        /// </summary>
        public async Task<string?> SignInAsync(string login, string? password, string codeChallenge)
        {
            var authorize = QueryHelpers.AddQueryString((await Discovery(oidc)).GetProperty("authorization_endpoint").GetString()!, new Dictionary<string, string?>
            {
                ["client_id"] = WebConsole.Id, ["response_type"] = "code", ["redirect_uri"] = WebConsole.RedirectUris[0], ["scope"] = "openid profile",
                ["code_challenge"] = codeChallenge, ["code_challenge_method"] = "S256", ["state"] = "state-0123", ["nonce"] = "nonce-0123",
            });
            var response = await FollowAsync(new HttpRequestMessage(HttpMethod.Get, authorize));
            if (response.Headers.Location is null && password is not null)
                response = await SubmitFormAsync(response, new() { ["login"] = login, ["password"] = password });
            if (response.Headers.Location is not { } back || !back.AbsoluteUri.StartsWith(WebConsole.RedirectUris[0], StringComparison.Ordinal)) return null;
            var query = QueryHelpers.ParseQuery(back.Query);
            Assert.Equal("state-0123", query["state"]);
            return query.TryGetValue("code", out var code) ? code.ToString() : null;
        }

        /// <summary>Posts the page's form with its hidden fields and these values.</summary>
        public async Task<HttpResponseMessage> SubmitFormAsync(HttpResponseMessage page, Dictionary<string, string> values)
        {
            var action = FormAction().Match(LastPage);
            Assert.True(action.Success, $"no form on the page: {LastPage}");
            var fields = Hidden().Matches(LastPage).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            foreach (var (name, value) in values)
            {
                Assert.Contains($"name=\"{name}\"", LastPage, StringComparison.Ordinal);
                fields[name] = value;
            }
            var target = new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups[1].Value));
            return await FollowAsync(new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(fields) });
        }

        public async Task<HttpResponseMessage> FollowAsync(HttpRequestMessage request)
        {
            var response = await http.SendAsync(request);
            while (response.Headers.Location is { } location && (int)response.StatusCode is >= 300 and < 400)
            {
                var next = new Uri(response.RequestMessage!.RequestUri!, location);
                if (!next.AbsoluteUri.StartsWith(oidc.Issuer, StringComparison.Ordinal))
                {
                    response.Headers.Location = next;
                    return response;
                }
                response.Dispose();
                response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, next));
            }
            LastPage = await response.Content.ReadAsStringAsync();
            return response;
        }

        public void Dispose() => http.Dispose();

        [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
        private static partial Regex FormAction();

        [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
        private static partial Regex Hidden();
    }

    /// <summary>Clients whose every call carries a token that <paramref name="client"/> got from the provider.</summary>
    private static Clients Client(RunningHost host, OidcProvider oidc, OidcClient client)
    {
        var tokens = Tokens(oidc, client);
        return new Clients(BearerChannel.For(host.GrpcAddress, tokens.GetAsync));
    }
}
