using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>Signalen: the early warnings of a caseload, on the caseworker's list and on the newcomer's page, and for nobody else.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignalTests(ConsoleWorld world)
{
    [Fact]
    public async Task A_caseworker_sees_the_MAP_behind_and_a_placement_that_ended_early_on_her_caseload_and_the_newcomers_page()
    {
        // Two years into the inburgering with 10 of the 40 hours: far behind the pace to 40 by month 30.
        var newcomer = await Seed.NewcomerAsync(world, "Signaal Testpersoon", inburgeringStart: DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2));
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
        await caseworker.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Ended, ReasonCode = EndReason.Moved });
        // One process: the match's end reaches the warnings at once.
        var warnings = (await admin.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { NewcomerId = newcomer.Id })).Warnings;
        Assert.Equal([EarlyWarningKind.MapBehind, EarlyWarningKind.EndedEarly], warnings.Select(w => w.Kind).Order());
        var behind = warnings.Single(w => w.Kind == EarlyWarningKind.MapBehind).MapBehind;
        var hoursBehind = Text.Dutch.Hours(Math.Round(behind.HoursExpected - behind.HoursDone, 1));

        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await page.GotoAsync(world.Url("/nieuwkomers?mijn=1&zoek=Signaal"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Signaal Testpersoon" });
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Signalen" })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync($"MAP: 10 van 40 uur, {hoursBehind} achter op schema");
        await Expect(row).ToContainTextAsync("eerder gestopt op");
        await Expect(row).ToContainTextAsync("(Verhuisd)");
        await ConsoleWorld.CheckPageAsync(page, "caseworker-caseload-signals");

        await row.GetByRole(AriaRole.Link, new() { Name = "Signaal Testpersoon" }).ClickAsync();
        var signals = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Signalen", Level = 2 }) });
        await Expect(signals).ToContainTextAsync($"MAP: 10 van 40 uur, {hoursBehind} achter op schema");
        await Expect(signals).ToContainTextAsync($"‘{pick.Title}’ eerder gestopt op");
        await Expect(signals).ToContainTextAsync("Inburgering begonnen op");
        await Expect(signals.GetByRole(AriaRole.Link, new() { Name = "Bekijk de match" })).ToHaveAttributeAsync("href", $"matches/{match.Id}");
        await ConsoleWorld.CheckPageAsync(page, "caseworker-newcomer-signals");

        var phone = await world.SignedInAsync(Roles.Caseworker, "GM0342", phone: true);
        await phone.GotoAsync(world.Url($"/nieuwkomers/{newcomer.Id}"));
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Signalen", Level = 2 })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the phone");
        await ConsoleWorld.CheckPageAsync(phone, "caseworker-newcomer-signals-phone");
    }

    [Fact]
    public async Task A_coordinator_sees_the_newcomer_without_signals_and_without_an_error()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Coordinator Signaal", inburgeringStart: DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2));
        var page = await world.SignedInAsync(Roles.Coordinator, "GM0342");
        await page.GotoAsync(world.Url($"/nieuwkomers/{newcomer.Id}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Coordinator Signaal");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signalen" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await page.GotoAsync(world.Url("/nieuwkomers"));
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Signalen" })).ToHaveCountAsync(0);
    }
}
