using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Domain;

namespace Newcomers.Unit.Tests.Opportunities;

public sealed class OpportunityRulesTests
{
    private static Opportunity Placement() => new()
    {
        Id = "o1", Version = 2, ProviderId = "p1", Kind = OpportunityKind.WorkPlacement, Title = "Hulpkok", Occupation = "5120", RequiredDutchLevel = CefrLevel.A2,
        Schedule = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayMorning } }, Location = new GeoPoint { Latitude = 52.18, Longitude = 5.3 },
        MunicipalityCode = "GM0342", Capacity = 2, StartDate = new Google.Type.Date { Year = 2027, Month = 1, Day = 4 },
    };

    private static List<string> FieldsOf(Opportunity opportunity)
    {
        var v = new Violations();
        OpportunityRules.Validate(opportunity, "opportunity", v);
        return v.Fields.ToList();
    }

    [Fact]
    public void A_complete_placement_is_valid() => Assert.Empty(FieldsOf(Placement()));

    [Fact]
    public void A_placement_needs_an_occupation_and_a_buddy_offer_belongs_to_buddies_only()
    {
        var bad = Placement();
        bad.Occupation = "";
        bad.Buddy = new BuddyOffer { Languages = { "ar" } };
        Assert.Equal(["opportunity.occupation", "opportunity.buddy"], FieldsOf(bad));

        var buddy = Placement();
        buddy.Kind = OpportunityKind.LanguageBuddy;
        buddy.Occupation = "";
        buddy.Buddy = new BuddyOffer { Languages = { "ar" }, Gender = Gender.Female };
        Assert.Empty(FieldsOf(buddy));
    }

    [Fact]
    public void Capacity_dates_and_place_are_checked()
    {
        var bad = Placement();
        bad.Capacity = 0;
        bad.EndDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 1 };
        bad.Location = new GeoPoint { Latitude = 52, Longitude = 190 };
        Assert.Equal(["opportunity.location.longitude", "opportunity.capacity", "opportunity.end_date"], FieldsOf(bad));
    }

    [Fact]
    public void A_provider_needs_a_name_a_kind_and_a_municipality()
    {
        var v = new Violations();
        OpportunityRules.Validate(new Provider { Name = "", MunicipalityCode = "0342" }, "provider", v);
        Assert.Equal(["provider.name", "provider.kind", "provider.municipality_code"], v.Fields);
    }

    [Fact]
    public void Updates_of_providers_and_opportunities_follow_the_same_flow()
    {
        var provider = new Provider { Id = "p1", Version = 4, Name = "Bakkerij", Kind = ProviderKind.Employer, MunicipalityCode = "GM0342" };
        var renamed = OpportunityRules.ProviderUpdate.Apply(provider, new Provider(provider) { Name = "Bakkerij De Eng", PlatformId = "x" }, new FieldMask { Paths = { "name" } });
        Assert.Equal(("Bakkerij De Eng", ""), (renamed.Name, renamed.PlatformId));
        Assert.Equal(StatusCode.Aborted, Assert.Throws<RpcException>(() => OpportunityRules.ProviderUpdate.Apply(provider, new Provider(provider) { Version = 1 }, null)).StatusCode);

        var placement = Placement();
        var everything = OpportunityRules.OpportunityUpdate.Apply(placement, new Opportunity(placement) { Title = "Kok", Capacity = 3, ProviderId = "p2" }, null);
        Assert.Equal(("Kok", 3, "p1"), (everything.Title, everything.Capacity, everything.ProviderId));
        var error = Assert.Throws<RpcException>(() => OpportunityRules.OpportunityUpdate.CheckRequest(placement, new FieldMask { Paths = { "provider_id" } }));
        Assert.Equal("update_mask.paths[0]", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}
