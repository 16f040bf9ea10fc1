using Google.Protobuf.WellKnownTypes;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Domain;

namespace Newcomers.Unit.Tests.Profiles;

public sealed class HomeFromPostcodeTests
{
    private static readonly GeoPoint Home = new() { Latitude = 52.17, Longitude = 5.28 };

    private static Newcomer Stored() => new() { Id = "n1", Version = 2, Postcode = "3762", Home = Home.Clone() };

    private static FieldMask? Mask(params string[] paths) => paths.Length == 0 ? null : new FieldMask { Paths = { paths } };

    [Fact]
    public void A_new_newcomer_without_home_lives_at_its_postcode()
    {
        Assert.Equal("3762", HomeFromPostcode.ForCreate(new Newcomer { Postcode = "3762" }));
        Assert.Null(HomeFromPostcode.ForCreate(new Newcomer { Postcode = "3762", Home = Home }));
        Assert.Null(HomeFromPostcode.ForCreate(new Newcomer()));
    }

    [Theory]
    [InlineData("3763", false, "3763", "postcode")]
    [InlineData("3763", false, "3763")]
    [InlineData("3763", true, null, "postcode", "home")]
    [InlineData("3763", true, null)]
    [InlineData("3763", false, "3762", "home")]
    [InlineData("3763", false, null, "display_name")]
    [InlineData("", false, null, "postcode")]
    [InlineData("3763", true, null, "postcode", "home.latitude")]
    public void An_update_that_sets_the_postcode_or_home_without_giving_home_takes_the_postcode(string postcode, bool withHome, string? expected, params string[] paths)
    {
        var change = new Newcomer(Stored()) { Postcode = postcode, Home = withHome ? Home : null };
        Assert.Equal(expected, HomeFromPostcode.ForUpdate(Stored(), change, Mask(paths)));
    }

    [Fact]
    public void The_centroid_is_written_by_the_update()
    {
        var centroid = new GeoPoint { Latitude = 52.185, Longitude = 5.269 };
        var change = new Newcomer(Stored()) { Postcode = "3763", Home = null };
        var mask = HomeFromPostcode.WithHome(change, Mask("postcode", "home.latitude"), centroid);
        Assert.Equal(["postcode", "home"], mask!.Paths);
        var updated = Masks.Apply(Stored(), change, mask, new HashSet<string> { "postcode", "home" });
        Assert.Equal(("3763", centroid), (updated.Postcode, updated.Home));
        Assert.Null(HomeFromPostcode.WithHome(new Newcomer(), null, centroid));
    }
}
