using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>A caseworker's day in the browser: find a newcomer, look for matches, propose, follow up.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CaseworkerTests(ConsoleWorld world)
{
    [Fact]
    public async Task A_caseworker_finds_a_newcomer_proposes_a_suggestion_and_records_the_answers_and_the_outcome()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Zoë Ünal-Testpersoon");
        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nieuwkomers", Level = 1 })).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "caseworker-caseload");

        // Search ignores case and accents.
        await page.GetByLabel("Zoek op naam").FillAsync("zoe unal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Zoë Ünal-Testpersoon" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Zoë Ünal-Testpersoon");
        await Expect(page.GetByText("10 uur van de 40 uur")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "caseworker-newcomer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Werkplek", Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zoek matches: werkplek" })).ToBeVisibleAsync();
        await Expect(page.GetByText("plekken bekeken")).ToBeVisibleAsync();
        // The ranker that made the list is named (another test may have trained a model meanwhile).
        await Expect(page.GetByText(new System.Text.RegularExpressions.Regex("Volgorde: (vaste regels \\(heuristic-v1\\)|geleerd model model-)"))).ToBeVisibleAsync();
        await Expect(page.GetByText("te ver weg")).ToBeVisibleAsync();
        var first = page.Locator(".console-suggestion").First;
        await Expect(first.Locator(".console-reasons__item").First).ToBeVisibleAsync();
        await Expect(first).ToContainTextAsync(" km van huis");
        await ConsoleWorld.CheckPageAsync(page, "caseworker-find-matches");

        var title = (await first.Locator("h2").InnerTextAsync()).Trim();
        await first.GetByRole(AriaRole.Button, new() { Name = "Voorstellen" }).ClickAsync();
        await Expect(page.GetByText("De match is voorgesteld.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Voorgesteld");
        await Expect(page.GetByText("uit de suggesties")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "caseworker-match-proposed");
        var matchId = page.Url.Split('/').Last().Split('?')[0];

        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwkomer zegt ja" }).ClickAsync();
        await Expect(page.GetByText("Vastgelegd.")).ToBeVisibleAsync();

        // The suggestion sheet for the newcomer: reasons in Dutch with English beside them, and where and when; printable.
        await page.GetByRole(AriaRole.Link, new() { Name = "Matchbrief" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waarom deze plek? Why this place?" })).ToBeVisibleAsync();
        // Each reason in Dutch has its English beside it.
        var english = page.Locator(".console-reasons__english");
        Assert.Equal(await page.Locator(".console-reasons__item").CountAsync(), await english.CountAsync());
        Assert.True(await english.CountAsync() >= 2);
        var firstEnglish = (await english.First.InnerTextAsync()).Trim();
        Assert.NotEmpty(firstEnglish);
        Assert.DoesNotContain(firstEnglish, (await page.Locator(".console-reasons__item").First.InnerTextAsync()).Split('\n')[0], StringComparison.Ordinal);
        await Expect(page.GetByText("Voor / For: Zoë Ünal-Testpersoon")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "caseworker-matchbrief");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".console-header")).ToBeHiddenAsync();
        await ConsoleWorld.ScreenshotAsync(page, "caseworker-matchbrief-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync(world.Url($"/matches/{page.Url.Split('/')[^2]}"));

        using var admin = Seed.Clients(world, Roles.Admin);
        var match = await admin.Matching.GetMatchAsync(new GetMatchRequest { Id = matchId });
        Assert.Equal(ProposalOrigin.Suggestion, match.Origin);
        Assert.NotEmpty(match.OriginRequestId);
        Assert.Equal(Response.Accepted, match.NewcomerResponse);
        Assert.Equal("gm0342-klantmanager-1", match.ProposedBy);
        Assert.StartsWith(match.OpportunityTitle, title.Split(". ", 2).Last());

        // The provider accepts in its own session.
        var provider = await world.SignedInAsync(Roles.Provider, match.ProviderId);
        await provider.GotoAsync(world.Url($"/matches/{matchId}"));
        await provider.GetByRole(AriaRole.Button, new() { Name = "Accepteren" }).ClickAsync();
        await Expect(provider.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Geaccepteerd");

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Is begonnen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Gestart");
        await page.GetByLabel("Uren gedaan").FillAsync("32,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afgerond" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Afgerond");
        await Expect(page.GetByText("32,5 uur")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "caseworker-match-completed");

        var done = await admin.Matching.GetMatchAsync(new GetMatchRequest { Id = matchId });
        Assert.Equal(MatchState.Completed, done.State);
        Assert.Equal(32.5, done.HoursCompleted);
        Assert.Equal(newcomer.Id, done.NewcomerId);
    }

    [Fact]
    public async Task A_caseworker_records_an_ended_placement_with_a_reason_from_the_list()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Gestopt Testpersoon");
        using var caseworker = Seed.Clients(world, Roles.Caseworker, municipalities: ["GM0342"]);
        using var admin = Seed.Clients(world, Roles.Admin);
        var list = await caseworker.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id, Limit = 100 });
        var pick = list.Suggestions.First(s => s.PlacesLeft > 0);
        var match = await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest
        {
            NewcomerId = newcomer.Id, OpportunityId = pick.OpportunityId, Origin = ProposalOrigin.Suggestion, RequestId = list.RequestId,
        });
        await admin.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await caseworker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });

        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await page.GotoAsync(world.Url($"/matches/{match.Id}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gestopt" }).ClickAsync();
        await Expect(page.Locator("#uitkomst-code-fout")).ToHaveTextAsync("Kies een reden uit de lijst.");
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Eén gegeven klopt nog niet");
        await ConsoleWorld.CheckPageAsync(page, "caseworker-match-end-error");

        await page.GetByLabel("Reden, als het gestopt is").SelectOptionAsync(new SelectOptionValue { Label = "Verhuisd" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gestopt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Gestopt");
        await Expect(page.GetByText("Verhuisd", new() { Exact = true })).ToBeVisibleAsync();
        var ended = await admin.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id });
        Assert.Equal((MatchState.Ended, EndReason.Moved), (ended.State, ended.ReasonCode));
    }

    [Fact]
    public async Task A_proposal_outside_the_suggestions_needs_a_reason_and_keeps_what_was_chosen()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Override Testpersoon");
        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await page.GotoAsync(world.Url($"/nieuwkomers/{newcomer.Id}/zoek-matches?soort=vrijwilligerswerk"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Kies zelf een plek" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zelf een plek kiezen: vrijwilligerswerk" })).ToBeVisibleAsync();
        var choice = page.GetByLabel("Plek", new() { Exact = true });
        var value = await choice.Locator("option").Nth(1).GetAttributeAsync("value");
        await choice.SelectOptionAsync(value!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deze plek voorstellen" }).ClickAsync();

        await Expect(page.Locator("#anders-reden-fout")).ToHaveTextAsync("Vul dit in.");
        await Expect(choice).ToHaveValueAsync(value!);
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Eén gegeven klopt nog niet");
        await ConsoleWorld.CheckPageAsync(page, "caseworker-override-error");

        await page.GetByLabel("Waarom deze plek?").FillAsync("Zij kent de buurtvereniging al.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deze plek voorstellen" }).ClickAsync();
        await Expect(page.GetByText("zelf gekozen: Zij kent de buurtvereniging al.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_unknown_address_gets_a_page_that_says_so()
    {
        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await page.GotoAsync(world.Url("/bestaat-niet"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deze pagina bestaat niet" })).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "not-found");
        await page.GotoAsync(world.Url("/geen-toegang"));
        await ConsoleWorld.CheckPageAsync(page, "no-access");
        await page.GotoAsync(world.Url("/nieuwkomers?mijn=1"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn caseload" })).ToBeVisibleAsync();
        using var admin = Seed.Clients(world, Roles.Admin);
        var mine = await admin.Profiles.ListNewcomersAsync(new ListNewcomersRequest { CaseworkerId = "gm0342-klantmanager-1", OrderBy = NewcomerOrder.LongestWaiting, PageSize = 50 });
        Assert.Equal(mine.Newcomers.Select(n => n.DisplayName), (await page.Locator("tbody tr td:first-child").AllInnerTextsAsync()).Select(t => t.Trim()));
        await ConsoleWorld.CheckPageAsync(page, "caseworker-my-caseload");
    }

    [Fact]
    public async Task A_caseworker_does_not_see_a_newcomer_of_another_municipality_even_by_its_address()
    {
        using var admin = Seed.Clients(world, Roles.Admin);
        var other = await admin.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = "gm0308-n000" });
        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");

        await page.GotoAsync(world.Url("/nieuwkomers/gm0308-n000"));
        await Expect(page.GetByText("Dit bestaat niet (meer), of u heeft er geen toegang toe.")).ToBeVisibleAsync();
        Assert.DoesNotContain(other.DisplayName, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync(world.Url("/nieuwkomers/gm0308-n000/zoek-matches"));
        await Expect(page.GetByText("Dit bestaat niet (meer), of u heeft er geen toegang toe.")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "caseworker-other-municipality");

        await page.GotoAsync(world.Url("/nieuwkomers?gemeente=GM0308"));
        Assert.DoesNotContain(other.DisplayName, await page.ContentAsync(), StringComparison.Ordinal);
    }
}
