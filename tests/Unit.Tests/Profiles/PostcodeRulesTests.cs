using Newcomers.Contracts.V1;
using Newcomers.Profiles.Domain;

namespace Newcomers.Unit.Tests.Profiles;

public sealed class PostcodeRulesTests
{
    private static PostcodeRow Row(long row, string postcode = "3762", string code = "GM0342", string name = "Soest", string latitude = "52,185", string longitude = "5,269") =>
        new(row, postcode, code, name, latitude, longitude);

    [Theory]
    [InlineData("52.173", 52.173)]
    [InlineData("52,173", 52.173)]
    [InlineData("-1,5", -1.5)]
    [InlineData("5", 5)]
    public void Degrees_take_a_decimal_point_or_a_decimal_comma(string text, double expected)
    {
        Assert.True(PostcodeRules.TryParseDegrees(text, out var degrees));
        Assert.Equal(expected, degrees);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("52,1,3")]
    [InlineData("1.052,5")]
    [InlineData("52.17e1")]
    [InlineData("NaN")]
    public void Anything_else_is_not_a_number_of_degrees(string text) => Assert.False(PostcodeRules.TryParseDegrees(text, out _));

    [Fact]
    public void Good_rows_become_the_entries_of_the_table()
    {
        var problems = new List<PostcodeProblem>();
        var entries = PostcodeRules.Check([Row(2), Row(3, "3741", "GM0308", " Baarn ", "52.212", "5.288")], problems);
        Assert.Empty(problems);
        Assert.Equal([("3762", "GM0342", "Soest", 52.185, 5.269), ("3741", "GM0308", "Baarn", 52.212, 5.288)],
            entries.Select(e => (e.Postcode_, e.MunicipalityCode, e.MunicipalityName, e.Location.Latitude, e.Location.Longitude)));
    }

    [Fact]
    public void Every_bad_field_of_every_row_is_a_problem_with_its_row_and_column()
    {
        var problems = new List<PostcodeProblem>();
        PostcodeRules.Check([
            Row(2), Row(3, postcode: "376"), Row(4, code: "342", latitude: "5.269", longitude: "52.185"), Row(5), Row(6, name: "Zoest", postcode: "3763"),
            Row(7, name: "", postcode: "3764"), Row(8, name: "S\uFFFDest", postcode: "3765"), Row(9, postcode: "3766", latitude: "x"),
        ], problems);
        Assert.Equal([
            (3, "postcode"), (4, "gemeentecode"), (4, "latitude"), (4, "longitude"), (5, "postcode"), (6, "gemeentenaam"), (7, "gemeentenaam"),
            (8, "gemeentenaam"), (9, "latitude"),
        ], problems.Select(p => (p.Row, p.Column)));
        Assert.Equal("row 5, postcode: 3762 is also in row 2", problems[4].ToString());
        Assert.Equal("row 6, gemeentenaam: GM0342 is named \"Soest\" in row 2", problems[5].ToString());
        Assert.Contains("UTF-8", problems[7].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_rows_is_a_problem_since_it_would_empty_the_table()
    {
        var problems = new List<PostcodeProblem>();
        Assert.Empty(PostcodeRules.Check([], problems));
        Assert.StartsWith("no postcodes", problems.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Municipalities_are_listed_once_by_name_with_their_postcodes()
    {
        Postcode P(string postcode, string code, string name) => new() { Postcode_ = postcode, MunicipalityCode = code, MunicipalityName = name, Location = new() };
        var listed = MunicipalityList.Of([P("3762", "GM0342", "Soest"), P("1011", "GM0363", "Amsterdam"), P("3763", "GM0342", "Soest"), P("8401", "GM1900", "Súdwest-Fryslân"), P("9999", "GM0014", "groningen")]);
        Assert.Equal([("Amsterdam", 1), ("groningen", 1), ("Soest", 2), ("Súdwest-Fryslân", 1)], listed.Select(m => (m.Name, m.Postcodes)));
    }
}
