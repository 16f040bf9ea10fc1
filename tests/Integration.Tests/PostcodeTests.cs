using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>The postcode table over gRPC: lookups, the municipalities, and a newcomer's home from a postcode on create and update.</summary>
public sealed class PostcodeTests(PostcodeHost fixture) : IClassFixture<PostcodeHost>
{
    private RunningHost Host => fixture.Host;

    private static readonly GeoPoint Given = new() { Latitude = 52.1700, Longitude = 5.2800 };

    private static (double, double) At(GeoPoint point) => (point.Latitude, point.Longitude);

    private static Newcomer At(string postcode, GeoPoint? home = null)
    {
        var newcomer = Build.Newcomer();
        (newcomer.Home, newcomer.Postcode) = (home, postcode);
        return newcomer;
    }

    [Fact]
    public async Task Staff_look_a_postcode_up_and_get_its_municipality_and_centroid()
    {
        using var caseworker = Host.As(Roles.Caseworker, municipalities: ["GM0308"]);
        var found = await caseworker.Profiles.LookupPostcodeAsync(new() { Postcode = "3762" });
        Assert.Equal(("3762", "GM0342", "Soest", (52.185, 5.269)), (found.Postcode_, found.MunicipalityCode, found.MunicipalityName, At(found.Location)));
        await Expect.Status(StatusCode.NotFound, () => caseworker.Profiles.LookupPostcodeAsync(new() { Postcode = "9999" }).ResponseAsync);
        await Expect.InvalidField("postcode", ViolationReasons.InvalidPostcode, () => caseworker.Profiles.LookupPostcodeAsync(new() { Postcode = "3762 AB" }).ResponseAsync);
    }

    [Fact]
    public async Task Every_person_lists_the_municipalities_by_name_with_their_postcodes()
    {
        using var provider = Host.As(Roles.Provider, providers: ["p"]);
        var listed = (await provider.Profiles.ListMunicipalitiesAsync(new())).Municipalities;
        Assert.Equal([("GM0363", "Amsterdam", 1), ("GM0308", "Baarn", 1), ("GM0342", "Soest", 2)], listed.Select(m => (m.Code, m.Name, m.Postcodes)));
    }

    [Fact]
    public async Task A_newcomer_created_with_only_a_postcode_lives_at_its_centroid()
    {
        var created = await Host.Profiles.CreateNewcomerAsync(new() { Newcomer = At("3762") });
        Assert.Equal(((52.185, 5.269), "3762"), (At(created.Home), created.Postcode));
        Assert.Equal(At(created.Home), At((await Host.Profiles.GetNewcomerAsync(new() { Id = created.Id })).Home));

        // The matching service places the newcomer there too: a placement at the centroid is 0 km away.
        var placement = Build.Placement((await Host.Opportunities.CreateProviderAsync(new() { Provider = Build.Provider() })).Id);
        placement.Location = new GeoPoint { Latitude = 52.185, Longitude = 5.269 };
        var opportunity = await Host.Opportunities.CreateOpportunityAsync(new() { Opportunity = placement });
        var suggestions = await Eventually.Async(() => Host.Matching.RecommendOpportunitiesAsync(new() { NewcomerId = created.Id, Limit = 100 }).ResponseAsync,
            r => r.Suggestions.Any(s => s.OpportunityId == opportunity.Id));
        var suggestion = suggestions.Suggestions.Single(s => s.OpportunityId == opportunity.Id);
        Assert.True(suggestion.DistanceKm < 0.01, $"{suggestion.DistanceKm} km");
    }

    [Fact]
    public async Task A_home_that_is_given_wins_over_the_postcode_which_is_then_not_looked_up()
    {
        Assert.Equal((At(Given), "3762"), await HomeAndPostcodeAsync(At("3762", Given)));
        Assert.Equal((At(Given), "9999"), await HomeAndPostcodeAsync(At("9999", Given)));
    }

    private async Task<((double, double), string)> HomeAndPostcodeAsync(Newcomer newcomer)
    {
        var created = await Host.Profiles.CreateNewcomerAsync(new() { Newcomer = newcomer });
        return (At(created.Home), created.Postcode);
    }

    [Fact]
    public async Task Without_a_location_the_answer_names_the_postcode_or_the_home()
    {
        var unknown = await Expect.InvalidField("newcomer.postcode", () => Host.Profiles.CreateNewcomerAsync(new() { Newcomer = At("9999") }).ResponseAsync);
        Assert.Equal([("newcomer.postcode", ViolationReasons.UnknownPostcode)], unknown.FieldViolations.Select(v => (v.Field, v.Reason)));
        var malformed = await Expect.InvalidField("newcomer.postcode", () => Host.Profiles.CreateNewcomerAsync(new() { Newcomer = At("37") }).ResponseAsync);
        Assert.Equal([("newcomer.postcode", ViolationReasons.InvalidPostcode)], malformed.FieldViolations.Select(v => (v.Field, v.Reason)));
        await Expect.InvalidField("newcomer.home", ViolationReasons.Required, () => Host.Profiles.CreateNewcomerAsync(new() { Newcomer = At("") }).ResponseAsync);
    }

    [Fact]
    public async Task An_update_that_sets_the_postcode_without_a_home_moves_home_to_its_centroid()
    {
        var created = await Host.Profiles.CreateNewcomerAsync(new() { Newcomer = At("3762", Given) });

        var moved = await UpdateAsync(new Newcomer(created) { Postcode = "3763", Home = null }, "postcode");
        Assert.Equal(((52.162, 5.31), "3763"), (At(moved.Home), moved.Postcode));
        var placed = await UpdateAsync(new Newcomer(moved) { Postcode = "3741", Home = Given }, "postcode", "home");
        Assert.Equal((At(Given), "3741"), (At(placed.Home), placed.Postcode));
        var whole = await UpdateAsync(new Newcomer(placed) { Postcode = "3762", Home = null });
        Assert.Equal(((52.185, 5.269), "3762"), (At(whole.Home), whole.Postcode));
        var cleared = await UpdateAsync(new Newcomer(whole) { Postcode = "", Home = Given }, "home");
        Assert.Equal((At(Given), "3762"), (At(cleared.Home), cleared.Postcode));
        // Taking home away puts the newcomer back at its postcode.
        var back = await UpdateAsync(new Newcomer(cleared) { Home = null }, "home");
        Assert.Equal((52.185, 5.269), At(back.Home));
        // Other changes leave home alone.
        var renamed = await UpdateAsync(new Newcomer(back) { DisplayName = "Amina Khalil", Home = Given, Postcode = "3741" }, "display_name");
        Assert.Equal(((52.185, 5.269), "3762"), (At(renamed.Home), renamed.Postcode));

        var unknown = await Expect.InvalidField("newcomer.postcode", () => UpdateAsync(new Newcomer(renamed) { Postcode = "9999" }, "postcode"));
        Assert.Equal([ViolationReasons.UnknownPostcode], unknown.FieldViolations.Select(v => v.Reason));
        var nowhere = await Expect.InvalidField("newcomer.home", () => UpdateAsync(new Newcomer(renamed) { Home = null, Postcode = "" }));
        Assert.Equal([ViolationReasons.Required], nowhere.FieldViolations.Select(v => v.Reason));
        Assert.Equal(renamed.Version, (await Host.Profiles.GetNewcomerAsync(new() { Id = created.Id })).Version);
    }

    private async Task<Newcomer> UpdateAsync(Newcomer change, params string[] paths) =>
        await Host.Profiles.UpdateNewcomerAsync(new() { Newcomer = change, UpdateMask = paths.Length == 0 ? null : new FieldMask { Paths = { paths } } });
}
