using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>A proposal records where it came from; suggestions and matches carry what the console shows of them.</summary>
public sealed class ProposalOriginTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_proposal_from_a_list_keeps_its_request_id_and_an_override_keeps_its_reason()
    {
        var (newcomer, placement, buddy) = await SetUpAsync();
        using var caseworker = fixture.Host.As(Roles.Caseworker, municipalities: ["GM0342"]);
        var list = await Eventually.Async(() => caseworker.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest
        {
            NewcomerId = newcomer.Id, Kinds = { OpportunityKind.WorkPlacement },
        }).ResponseAsync, r => r.Suggestions.Any(s => s.OpportunityId == placement.Id));
        var suggestion = list.Suggestions.Single(s => s.OpportunityId == placement.Id);
        Assert.Equal(new Google.Type.Date { Year = 2027, Month = 2, Day = 1 }, suggestion.StartDate);
        Assert.Equal(placement.ProviderId, suggestion.ProviderId);

        var suggested = await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest
        {
            NewcomerId = newcomer.Id, OpportunityId = placement.Id, Origin = ProposalOrigin.Suggestion, RequestId = list.RequestId,
        });
        var chosen = await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest
        {
            NewcomerId = newcomer.Id, OpportunityId = buddy.Id, Origin = ProposalOrigin.Override, Reason = "  Kent het taalhuis al.  ",
        });

        var first = await caseworker.Matching.GetMatchAsync(new GetMatchRequest { Id = suggested.Id });
        Assert.Equal((ProposalOrigin.Suggestion, list.RequestId, ""), (first.Origin, first.OriginRequestId, first.OriginReason));
        Assert.Equal("Taalstage bakkerij", first.OpportunityTitle);
        var second = (await caseworker.Matching.ListMatchesAsync(new ListMatchesRequest { NewcomerId = newcomer.Id })).Matches.Single(m => m.Id == chosen.Id);
        Assert.Equal((ProposalOrigin.Override, "", "Kent het taalhuis al."), (second.Origin, second.OriginRequestId, second.OriginReason));
        Assert.Equal("Taalmaatje gezocht", second.OpportunityTitle);
    }

    [Fact]
    public async Task Opportunities_can_be_listed_by_kind_and_only_the_open_ones()
    {
        var (_, placement, buddy) = await SetUpAsync();
        using var baker = fixture.Host.As(Roles.Provider, providers: [placement.ProviderId]);
        await baker.Opportunities.UpdateOpportunityAsync(new UpdateOpportunityRequest
        {
            Opportunity = new Opportunity { Id = placement.Id, Version = placement.Version, Status = OpportunityStatus.Closed },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "status" } },
        });
        using var caseworker = fixture.Host.As(Roles.Caseworker, municipalities: ["GM0342"]);

        async Task<string[]> Ids(ListOpportunitiesRequest r)
        {
            r.ProviderId = placement.ProviderId;
            return [.. (await caseworker.Opportunities.ListOpportunitiesAsync(r)).Opportunities.Select(o => o.Id).Order()];
        }

        Assert.Equal(new[] { placement.Id, buddy.Id }.Order(), await Ids(new()));
        Assert.Equal([buddy.Id], await Ids(new() { Kind = OpportunityKind.LanguageBuddy }));
        Assert.Equal([buddy.Id], await Ids(new() { OnlyOpen = true }));
        Assert.Empty(await Ids(new() { Kind = OpportunityKind.WorkPlacement, OnlyOpen = true }));
    }

    private async Task<(Newcomer Newcomer, Opportunity Placement, Opportunity Buddy)> SetUpAsync()
    {
        var provider = await fixture.Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = Build.Placement(provider.Id, capacity: 2);
        placement.StartDate = new Google.Type.Date { Year = 2027, Month = 2, Day = 1 };
        var created = await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = placement });
        var buddy = await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Buddy(provider.Id) });
        var newcomer = await fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        return (newcomer, created, buddy);
    }
}
