using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>ListNewcomers as the console's caseload uses it: filters, search by name, and the order of time waiting.</summary>
public sealed class CaseloadTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Houten = "GM0321";

    [Fact]
    public async Task Filters_narrow_the_caseload_and_the_name_search_ignores_case_and_accents()
    {
        var caseworker = $"km-{Guid.NewGuid():N}"[..20];
        await CreateAsync(caseworker, "Zoë Ünal", n => n.Leerroute = Leerroute.Z);
        await CreateAsync(caseworker, "Zoe Visser", n => n.PipGoals.Add(PipGoal.Education));
        await CreateAsync(caseworker, "Farid B.", n => n.Status = NewcomerStatus.Paused);
        using var staff = fixture.Host.As(Roles.Caseworker, municipalities: [Houten]);

        async Task<string[]> Names(ListNewcomersRequest r)
        {
            r.CaseworkerId = caseworker;
            return [.. (await staff.Profiles.ListNewcomersAsync(r)).Newcomers.Select(n => n.DisplayName).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["Zoe Visser", "Zoë Ünal"], await Names(new() { NameQuery = "ZOE" }));
        Assert.Equal(["Zoë Ünal"], await Names(new() { NameQuery = "unal" }));
        Assert.Equal(["Zoë Ünal"], await Names(new() { Leerroute = Leerroute.Z }));
        Assert.Equal(["Zoe Visser"], await Names(new() { PipGoal = PipGoal.Education }));
        Assert.Equal(["Farid B."], await Names(new() { Status = NewcomerStatus.Paused }));
        Assert.Equal(["Zoe Visser", "Zoë Ünal"], await Names(new() { Status = NewcomerStatus.Active }));
        Assert.Empty(await Names(new() { NameQuery = "zoe", Status = NewcomerStatus.Paused }));
    }

    [Fact]
    public async Task Longest_waiting_first_pages_through_the_whole_caseload_in_registration_order()
    {
        var caseworker = $"km-{Guid.NewGuid():N}"[..20];
        var created = new List<string>();
        for (var i = 0; i < 7; i++) created.Add((await CreateAsync(caseworker, $"Wachtende {6 - i}", _ => { })).Id);
        using var staff = fixture.Host.As(Roles.Caseworker, municipalities: [Houten]);

        var seen = new List<Newcomer>();
        var token = "";
        do
        {
            var page = await staff.Profiles.ListNewcomersAsync(new ListNewcomersRequest
            {
                CaseworkerId = caseworker, OrderBy = NewcomerOrder.LongestWaiting, PageSize = 3, PageToken = token,
            });
            Assert.True(page.Newcomers.Count <= 3);
            seen.AddRange(page.Newcomers);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(created, seen.Select(n => n.Id));
        var byName = await staff.Profiles.ListNewcomersAsync(new ListNewcomersRequest { CaseworkerId = caseworker, OrderBy = NewcomerOrder.Name });
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"Wachtende {i}"), byName.Newcomers.Select(n => n.DisplayName));
    }

    [Fact]
    public async Task A_page_token_holds_to_the_filters_and_order_it_was_given_for()
    {
        var caseworker = $"km-{Guid.NewGuid():N}"[..20];
        for (var i = 0; i < 3; i++) await CreateAsync(caseworker, $"Naam {i}", _ => { });
        using var staff = fixture.Host.As(Roles.Caseworker, municipalities: [Houten]);
        var first = await staff.Profiles.ListNewcomersAsync(new ListNewcomersRequest { CaseworkerId = caseworker, OrderBy = NewcomerOrder.Name, PageSize = 1 });

        await Expect.InvalidField("page_token", ViolationReasons.InvalidPageToken, () => staff.Profiles.ListNewcomersAsync(new ListNewcomersRequest
        {
            CaseworkerId = caseworker, OrderBy = NewcomerOrder.LongestWaiting, PageToken = first.NextPageToken,
        }).ResponseAsync);
        await Expect.InvalidField("page_token", ViolationReasons.InvalidPageToken, () => staff.Profiles.ListNewcomersAsync(new ListNewcomersRequest
        {
            CaseworkerId = caseworker, OrderBy = NewcomerOrder.Name, NameQuery = "naam", PageToken = first.NextPageToken,
        }).ResponseAsync);
    }

    private Task<Newcomer> CreateAsync(string caseworker, string name, Action<Newcomer> change)
    {
        var newcomer = Build.Newcomer(caseworker);
        newcomer.MunicipalityCode = Houten;
        newcomer.DisplayName = name;
        change(newcomer);
        return fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = newcomer }).ResponseAsync;
    }
}
