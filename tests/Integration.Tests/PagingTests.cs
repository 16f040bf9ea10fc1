using System.Text;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>Page tokens name nothing, serve only the caller and query they were given for, and never point past what the caller may see.</summary>
public sealed class PagingTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Soest = "GM0342", Baarn = "GM0344";

    [Fact]
    public async Task A_caseworker_listing_a_foreign_caseworkers_newcomers_gets_nothing_and_no_token()
    {
        var foreign = await CreateNewcomersAsync(Baarn, "km-baarn-probe", 12);
        using var soest = fixture.Host.As(Roles.Caseworker, municipalities: [Soest]);

        var page = await soest.Profiles.ListNewcomersAsync(new ListNewcomersRequest { CaseworkerId = "km-baarn-probe", PageSize = 1 });

        Assert.Empty(page.Newcomers);
        Assert.Equal("", page.NextPageToken);
        // The admin sees them, one page at a time, through tokens that name none of them.
        var seen = new List<string>();
        var token = "";
        do
        {
            var adminPage = await fixture.Host.Profiles.ListNewcomersAsync(new ListNewcomersRequest { CaseworkerId = "km-baarn-probe", PageSize = 5, PageToken = token });
            seen.AddRange(adminPage.Newcomers.Select(n => n.Id));
            token = adminPage.NextPageToken;
            AssertNamesNone(token, foreign);
        }
        while (token.Length > 0);
        Assert.Equal(foreign.Order(), seen.Order());
    }

    [Fact]
    public async Task A_token_serves_only_the_caller_and_the_query_it_was_given_for()
    {
        await CreateNewcomersAsync(Soest, "km-soest-paging", 3);
        using var caseworker = fixture.Host.As(Roles.Caseworker, municipalities: [Soest]);
        var first = await caseworker.Profiles.ListNewcomersAsync(new ListNewcomersRequest { CaseworkerId = "km-soest-paging", PageSize = 1 });
        Assert.NotEqual("", first.NextPageToken);

        var second = await caseworker.Profiles.ListNewcomersAsync(new ListNewcomersRequest { CaseworkerId = "km-soest-paging", PageSize = 1, PageToken = first.NextPageToken });
        Assert.NotEqual(first.Newcomers[0].Id, second.Newcomers[0].Id);

        using var colleague = fixture.Host.As(Roles.Coordinator, municipalities: [Soest]);
        await Expect.InvalidField("page_token", ViolationReasons.InvalidPageToken, () => colleague.Profiles.ListNewcomersAsync(new ListNewcomersRequest { CaseworkerId = "km-soest-paging", PageToken = first.NextPageToken }).ResponseAsync);
        await Expect.InvalidField("page_token", ViolationReasons.InvalidPageToken, () => caseworker.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = Soest, PageToken = first.NextPageToken }).ResponseAsync);
        await Expect.InvalidField("page_token", ViolationReasons.InvalidPageToken, () => caseworker.Profiles.ListNewcomersAsync(new ListNewcomersRequest { CaseworkerId = "km-soest-paging", PageToken = first.NextPageToken[..^2] + "AA" }).ResponseAsync);
    }

    [Fact]
    public async Task Without_a_municipality_a_caseworker_lists_the_newcomers_of_all_their_own_municipalities()
    {
        var soest = await CreateNewcomersAsync(Soest, "km-own", 2);
        var baarn = await CreateNewcomersAsync(Baarn, "km-own", 2);
        var elsewhere = await CreateNewcomersAsync("GM0355", "km-own", 2);
        using var both = fixture.Host.As(Roles.Caseworker, municipalities: [Soest, Baarn]);

        var listed = new List<Newcomer>();
        var token = "";
        do
        {
            var page = await both.Profiles.ListNewcomersAsync(new ListNewcomersRequest { PageSize = 3, PageToken = token });
            listed.AddRange(page.Newcomers);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.All(listed, n => Assert.Contains(n.MunicipalityCode, new[] { Soest, Baarn }));
        Assert.Superset(soest.Concat(baarn).ToHashSet(), listed.Select(n => n.Id).ToHashSet());
        Assert.DoesNotContain(listed, n => elsewhere.Contains(n.Id));
        await Expect.Status(StatusCode.PermissionDenied, () => both.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = "GM0355" }).ResponseAsync);
    }

    [Fact]
    public async Task A_provider_listing_another_providers_matches_gets_nothing_and_no_token()
    {
        var owner = await fixture.Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(owner.Id, capacity: 5) });
        var newcomers = await CreateNewcomersAsync(Soest, "km-matches", 3);
        var matches = new List<string>();
        foreach (var id in newcomers)
            matches.Add((await Eventually.Async(() => fixture.Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = id, OpportunityId = placement.Id, CaseworkerId = "km" }).ResponseAsync)).Id);
        using var other = fixture.Host.As(Roles.Provider, providers: ["someone-else"]);

        var page = await other.Matching.ListMatchesAsync(new ListMatchesRequest { OpportunityId = placement.Id, PageSize = 1 });

        Assert.Empty(page.Matches);
        Assert.Equal("", page.NextPageToken);
        using var itself = fixture.Host.As(Roles.Provider, providers: [owner.Id]);
        var own = await itself.Matching.ListMatchesAsync(new ListMatchesRequest { OpportunityId = placement.Id, PageSize = 2 });
        Assert.Equal(2, own.Matches.Count);
        AssertNamesNone(own.NextPageToken, matches);
    }

    private async Task<List<string>> CreateNewcomersAsync(string municipality, string caseworker, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var newcomer = Build.Newcomer(caseworker);
            newcomer.MunicipalityCode = municipality;
            ids.Add((await fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = newcomer })).Id);
        }
        return ids;
    }

    private static void AssertNamesNone(string token, IEnumerable<string> ids)
    {
        var text = token.Length == 0 ? "" : Encoding.Latin1.GetString(Convert.FromBase64String(Padded(token.Replace('-', '+').Replace('_', '/'))));
        foreach (var id in ids)
        {
            Assert.DoesNotContain(id, token, StringComparison.Ordinal);
            Assert.DoesNotContain(id, text, StringComparison.Ordinal);
        }
    }

    private static string Padded(string base64) => base64 + new string('=', (4 - base64.Length % 4) % 4);
}
