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

    private static Opportunity Buddy(Action<Opportunity> change)
    {
        var buddy = Placement();
        buddy.Kind = OpportunityKind.LanguageBuddy;
        buddy.Occupation = "";
        buddy.Buddy = new BuddyOffer { Languages = { "ar" } };
        change(buddy);
        return buddy;
    }

    private static List<(string, string)> ViolationsOf(Opportunity opportunity)
    {
        var v = new Violations();
        OpportunityRules.Validate(opportunity, "opportunity", v);
        return [.. v.Fields.Zip(v.Reasons)];
    }

    [Theory]
    [InlineData(OpportunityKind.LanguageBuddy, 1, true)]
    [InlineData(OpportunityKind.LanguageBuddy, 3, true)]
    [InlineData(OpportunityKind.LanguageBuddy, 4, false)]
    [InlineData(OpportunityKind.LanguageBuddy, 0, false)]
    [InlineData(OpportunityKind.Volunteering, 4, true)]
    [InlineData(OpportunityKind.WorkPlacement, 1000, true)]
    [InlineData(OpportunityKind.WorkPlacement, 1001, false)]
    public void A_language_buddy_takes_one_to_three_newcomers_and_other_places_up_to_a_thousand(OpportunityKind kind, int capacity, bool valid)
    {
        var opportunity = Placement();
        opportunity.Kind = kind;
        opportunity.Capacity = capacity;
        if (kind == OpportunityKind.LanguageBuddy) opportunity.Buddy = new BuddyOffer();
        List<(string, string)> expected = valid ? [] : [("opportunity.capacity", ViolationReasons.OutOfRange)];
        Assert.Equal(expected, ViolationsOf(opportunity));
    }

    [Fact]
    public void Only_a_family_buddy_takes_households_only()
    {
        Assert.Equal([("opportunity.buddy.families_only", ViolationReasons.NotAllowed)], ViolationsOf(Buddy(o => o.Buddy.FamiliesOnly = true)));
        Assert.Empty(ViolationsOf(Buddy(o => { o.Buddy.FamiliesOnly = true; o.Buddy.FamilyBuddy = true; })));
    }

    [Fact]
    public void A_buddy_who_asks_for_a_shared_language_names_at_least_one()
    {
        Assert.Equal([("opportunity.buddy.languages", ViolationReasons.Required)], ViolationsOf(Buddy(o => { o.Buddy.Languages.Clear(); o.Buddy.SharedLanguageOnly = true; })));
        Assert.Empty(ViolationsOf(Buddy(o => o.Buddy.SharedLanguageOnly = true)));
        Assert.Empty(ViolationsOf(Buddy(o => o.Buddy.Languages.Clear())));
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
