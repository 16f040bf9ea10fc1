using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// What a provider's flow runs against: the provider with its token, a newcomer seeded near the
/// placement who does not share who they are with providers, and the caseworker who proposes and
/// records the newcomer's answer.
/// </summary>
public sealed class FlowWorld : IDisposable
{
    /// <summary>The placement the curl flow posts, as REST JSON (the Node and Python clients post the same one).</summary>
    public const string PlacementJson = """{"kind": "OPPORTUNITY_KIND_WORK_PLACEMENT", "title": "Hulp in de bakkerij", "occupation": "7512", "sector": "voeding", "requiredDutchLevel": "CEFR_LEVEL_A2", "skills": ["deeg bereiden"], "location": {"latitude": 52.18, "longitude": 5.3}, "municipalityCode": "GM0342", "capacity": 1, "countsTowardsMap": true, "languageSupport": true, "schedule": {"hoursPerWeek": 16, "dayParts": ["DAY_PART_MONDAY_MORNING", "DAY_PART_TUESDAY_MORNING"]}}""";

    private readonly RunningHost host;
    private readonly Clients caseworker;
    private readonly Clients provider;

    private FlowWorld(RunningHost host, string name, Provider providerRecord, Newcomer newcomer)
    {
        this.host = host;
        Name = name;
        Provider = providerRecord;
        Newcomer = newcomer;
        ProviderToken = host.Token($"flow-{name}", Roles.Provider, providers: [providerRecord.Id]);
        provider = new Clients(BearerChannel.For(host.GrpcAddress, ProviderToken));
        caseworker = host.As(Roles.Caseworker, municipalities: ["GM0342"]);
    }

    /// <summary>The client's name, which its feed's external ids start with.</summary>
    public string Name { get; }
    public Provider Provider { get; }
    public Newcomer Newcomer { get; }
    public string ProviderToken { get; }

    /// <summary>How the provider sees the seeded newcomer, known once a match is proposed.</summary>
    public string Pseudonym { get; private set; } = "";

    public static async Task<FlowWorld> CreateAsync(RunningHost host, string name)
    {
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider(name: $"Bakkerij van {name}") });
        var seeded = Build.Newcomer();
        seeded.Consent.ShareWithProviders = false;
        return new FlowWorld(host, name, provider, await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = seeded }));
    }

    /// <summary>The provider's opportunities are the one posted and the feed's items, each once.</summary>
    public async Task AssertStoredAsync(string postedId, string[] externalIds)
    {
        var stored = (await host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = Provider.Id, PageSize = 100 })).Opportunities;
        Assert.Equal([postedId], stored.Where(o => o.ExternalId == "").Select(o => o.Id));
        Assert.Equal(externalIds, stored.Select(o => o.ExternalId).Where(e => e != "").Order(StringComparer.Ordinal));
        Assert.All(stored, o => Assert.Equal((1, Provider.Id), (o.Version, o.ProviderId)));
    }

    /// <summary>The caseworker proposes the seeded newcomer, whom the provider saw among its candidates under the pseudonym the match carries.</summary>
    public async Task<Match> ProposeAsync(string opportunityId, string[] candidatePseudonyms)
    {
        var match = await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = Newcomer.Id, OpportunityId = opportunityId, CaseworkerId = Newcomer.CaseworkerId });
        Pseudonym = (await provider.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id })).NewcomerId;
        Assert.StartsWith("cand-", Pseudonym, StringComparison.Ordinal);
        Assert.Contains(Pseudonym, candidatePseudonyms);
        return match;
    }

    /// <summary>The caseworker records that the newcomer accepts too: with the provider's answer, the match is ACCEPTED.</summary>
    public async Task<Match> AcceptForNewcomerAsync(string matchId)
    {
        var match = await caseworker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = matchId, Party = Party.Newcomer, Accept = true });
        Assert.Equal((MatchState.Accepted, Response.Accepted), (match.State, match.ProviderResponse));
        return match;
    }

    public void Dispose()
    {
        caseworker.Dispose();
        provider.Dispose();
    }
}
