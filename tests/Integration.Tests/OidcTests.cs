using Grpc.Core;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;
using Newcomers.TestSupport;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The host configured for an OIDC provider (Auth:Authority), here a real one (node-oidc-provider):
/// clients get tokens from it by client credentials, as platforms and the matching service do.
/// </summary>
public sealed class OidcTests
{
    private static readonly OidcClient PlatformA = new("platform-a", "secret-of-platform-a-0123456789", Roles.Platform, Platform: "vrijwilligers-a");
    private static readonly OidcClient PlatformB = new("platform-b", "secret-of-platform-b-0123456789", Roles.Platform, Platform: "vrijwilligers-b");
    private static readonly OidcClient Caseworker = new("werkbedrijf-soest", "secret-of-werkbedrijf-0123456789", Roles.Caseworker, Municipalities: ["GM0342"]);
    private static readonly OidcClient MatchingProcess = new("matching", "secret-of-matching-0123456789", Roles.Service);

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

    private static Task<RunningHost> StartAsync(OidcProvider oidc) =>
        RunningHost.StartAsync(null, $"--Auth:Authority={oidc.Issuer}", "--Auth:RequireHttpsMetadata=false");

    private static ServiceTokens Tokens(OidcProvider oidc, OidcClient client) => new(Options.Create(new AuthOptions
    {
        Authority = oidc.Issuer, RequireHttpsMetadata = false, ClientId = client.Id, ClientSecret = client.Secret,
    }), client.Id);

    /// <summary>Clients whose every call carries a token that <paramref name="client"/> got from the provider.</summary>
    private static Clients Client(RunningHost host, OidcProvider oidc, OidcClient client)
    {
        var tokens = Tokens(oidc, client);
        return new Clients(BearerChannel.For(host.GrpcAddress, tokens.GetAsync));
    }
}
