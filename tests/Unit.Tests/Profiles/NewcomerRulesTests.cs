using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Domain;

namespace Newcomers.Unit.Tests.Profiles;

public sealed class NewcomerRulesTests
{
    private static Newcomer Valid() => new()
    {
        Id = "n1", Version = 3, MunicipalityCode = "GM0342", CaseworkerId = "km-1", DisplayName = "Amina K.", Postcode = "3761",
        Home = new GeoPoint { Latitude = 52.173, Longitude = 5.291 }, DutchLevel = CefrLevel.A2, Leerroute = Leerroute.B1,
        Languages = { new LanguageSkill { Language = "ar", Level = CefrLevel.C2 } }, PipGoals = { PipGoal.Work }, Occupations = { "5120" },
        Availability = new Availability { HoursPerWeek = 24, DayParts = { DayPart.MondayMorning } }, MaxTravelKm = 10, TravelModes = { TravelMode.Bicycle },
    };

    private static List<string> FieldsOf(Newcomer newcomer)
    {
        var v = new Violations();
        NewcomerRules.Validate(newcomer, "newcomer", v);
        return v.Fields.ToList();
    }

    [Fact]
    public void A_complete_newcomer_is_valid() => Assert.Empty(FieldsOf(Valid()));

    [Fact]
    public void Every_bad_field_is_named_under_its_path()
    {
        var bad = Valid();
        bad.MunicipalityCode = "Soest";
        bad.DisplayName = "";
        bad.Home.Latitude = 91;
        bad.Languages.Add(new LanguageSkill { Language = "ar", Level = CefrLevel.B1 });
        bad.PipGoals.Clear();
        bad.Occupations.Add("kok");
        bad.MaxTravelKm = 0.1;
        bad.TravelModes.Clear();

        Assert.Equal(["newcomer.municipality_code", "newcomer.display_name", "newcomer.home.latitude", "newcomer.languages", "newcomer.pip_goals",
            "newcomer.occupations[1]", "newcomer.max_travel_km", "newcomer.travel_modes"], FieldsOf(bad));
    }

    [Fact]
    public void Without_home_the_postcode_places_the_newcomer_and_without_either_home_is_required()
    {
        Assert.Empty(FieldsOf(new Newcomer(Valid()) { Home = null }));
        Assert.Equal(["newcomer.postcode"], FieldsOf(new Newcomer(Valid()) { Home = null, Postcode = "37" }));
        Assert.Equal(["newcomer.home"], FieldsOf(new Newcomer(Valid()) { Home = null, Postcode = "" }));
    }

    [Fact]
    public void The_inburgering_start_is_optional_and_a_real_day_from_2013_to_90_days_ahead()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Newcomer StartingOn(DateOnly day) => new(Valid()) { InburgeringStart = Dates.ToDate(day) };

        Assert.Empty(FieldsOf(Valid()));
        Assert.Empty(FieldsOf(StartingOn(new DateOnly(2013, 1, 1))));
        Assert.Empty(FieldsOf(StartingOn(today.AddDays(NewcomerRules.InburgeringStartDaysAhead))));
        Assert.Equal(["newcomer.inburgering_start"], FieldsOf(StartingOn(new DateOnly(2012, 12, 31))));
        Assert.Equal(["newcomer.inburgering_start"], FieldsOf(StartingOn(today.AddDays(NewcomerRules.InburgeringStartDaysAhead + 1))));
        Assert.Equal(["newcomer.inburgering_start"], FieldsOf(new Newcomer(Valid()) { InburgeringStart = new Google.Type.Date { Year = 2024, Month = 13, Day = 1 } }));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("fam-amina_k-2", true)]
    [InlineData("fam amina", false)]
    [InlineData("../h1", false)]
    public void A_household_id_is_optional_and_follows_the_rules_of_every_id(string household, bool valid)
    {
        var v = new Violations();
        NewcomerRules.Validate(new Newcomer(Valid()) { HouseholdId = household }, "newcomer", v);
        (string, string)[] expected = valid ? [] : [("newcomer.household_id", ViolationReasons.InvalidId)];
        Assert.Equal(expected, v.Fields.Zip(v.Reasons));
    }

    [Fact]
    public void A_household_id_is_changed_by_its_own_update_mask_path()
    {
        var updated = NewcomerRules.Update.Apply(Valid(), new Newcomer(Valid()) { HouseholdId = "fam-1", DisplayName = "other" }, new FieldMask { Paths = { "household_id" } });
        Assert.Equal(("fam-1", "Amina K."), (updated.HouseholdId, updated.DisplayName));
    }

    [Fact]
    public void Protected_attributes_take_only_a_gender_a_plausible_birth_year_and_a_country_code()
    {
        var v = new Violations();
        NewcomerRules.Validate(new ProtectedAttributes { NewcomerId = "n1", Gender = Gender.Female, BirthYear = 1990, CountryOfOrigin = "SY" }, "attributes", v);
        Assert.False(v.Any);
        NewcomerRules.Validate(new ProtectedAttributes { NewcomerId = "n1", BirthYear = 1850, CountryOfOrigin = "Syria" }, "attributes", v);
        Assert.Equal(["attributes.birth_year", "attributes.country_of_origin"], v.Fields);
    }

    [Fact]
    public void An_update_copies_only_the_masked_fields_onto_the_current_newcomer()
    {
        var change = new Newcomer(Valid()) { DisplayName = "Amina Khalil", MaxTravelKm = 25, Postcode = "1234" };
        var updated = NewcomerRules.Update.Apply(Valid(), change, new FieldMask { Paths = { "display_name", "max_travel_km" } });

        Assert.Equal("Amina Khalil", updated.DisplayName);
        Assert.Equal(25, updated.MaxTravelKm);
        Assert.Equal("3761", updated.Postcode);
    }

    [Fact]
    public void An_update_based_on_another_version_is_aborted_with_the_current_one()
    {
        var error = Assert.Throws<RpcException>(() => NewcomerRules.Update.Apply(Valid(), new Newcomer(Valid()) { Version = 2 }, null));
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("3", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata["current_version"]);
    }

    [Fact]
    public void An_update_that_leaves_an_invalid_newcomer_names_the_field_and_changes_nothing()
    {
        var current = Valid();
        var error = Assert.Throws<RpcException>(() => NewcomerRules.Update.Apply(current, new Newcomer(current) { MaxTravelKm = 500 }, new FieldMask { Paths = { "max_travel_km" } }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("newcomer.max_travel_km", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(10, current.MaxTravelKm);
    }

    [Fact]
    public void An_update_request_needs_the_newcomer_its_id_its_version_and_changeable_paths()
    {
        var missing = Assert.Throws<RpcException>(() => NewcomerRules.Update.CheckRequest(null, null));
        Assert.Equal("newcomer", missing.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        var unversioned = Assert.Throws<RpcException>(() => NewcomerRules.Update.CheckRequest(new Newcomer { Id = "n1" }, new FieldMask { Paths = { "create_time", "map_hours_done" } }));
        Assert.Equal(["newcomer.version", "update_mask.paths[0]", "update_mask.paths[1]"], unversioned.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(f => f.Field));
        Assert.Equal([ViolationReasons.VersionRequired, ViolationReasons.NotChangeable, ViolationReasons.NotChangeable],
            unversioned.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(f => f.Reason));
    }
}
