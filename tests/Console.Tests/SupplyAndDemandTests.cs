using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>Vraag en aanbod: where offers lack and where they go unused, for the coordinator who recruits, with the same figures in a spreadsheet.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SupplyAndDemandTests(ConsoleWorld world)
{
    [Fact]
    public async Task A_coordinator_sees_per_kind_and_sector_where_offers_lack_and_downloads_the_same_figures()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Vraag Aanbod Testpersoon");
        var page = await world.SignedInAsync(Roles.Coordinator, "GM0342");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Vraag en aanbod" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vraag en aanbod", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("GM0342");
        var kinds = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Vraag en aanbod per soort" }) });
        await Expect(kinds.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(kinds.Locator("tbody tr").First).ToContainTextAsync("Werkplek");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waar aanbod ontbreekt" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waar aanbod onbenut blijft" })).ToBeVisibleAsync();
        // Aggregates only: not the newcomer's name, nor any id.
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(newcomer.DisplayName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(newcomer.Id, await page.ContentAsync(), StringComparison.Ordinal);
        await ConsoleWorld.CheckPageAsync(page, "supply-and-demand");

        // The same figures as the API gives, in the spreadsheet.
        using var coordinator = Seed.Clients(world, Roles.Coordinator, ["GM0342"]);
        var answer = await coordinator.Matching.GetSupplyAndDemandAsync(new GetSupplyAndDemandRequest());
        var work = answer.Areas.Single().Kinds.Single(c => c.Kind == OpportunityKind.WorkPlacement);
        var csv = await CsvTests.DownloadAsync(page, "Downloaden (CSV)");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("gemeentecode;soort;isco_hoofdgroep;sector;wachtend;wachtend_zonder_passend_aanbod;open_aanbod;open_plekken;passende_plekken;onbenutte_plekken", lines[0]);
        // Per kind a row for the whole kind, then for work and volunteering the ten major groups and "zonder beroep".
        Assert.Equal(1 + 3 + 22, lines.Length);
        Assert.Equal($"GM0342;Werkplek;;alle sectoren;{Count(work.Waiting)};{Count(work.WaitingWithoutPlace)};{work.OpenOpportunities};{work.OpenPlaces};{work.SuitablePlaces};{work.UnusedPlaces}", lines[1]);
        Assert.StartsWith("GM0342;Werkplek;1;Leidinggevenden;", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(newcomer.DisplayName, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_phone_one_kind_is_shown_and_the_tables_stack()
    {
        var page = await world.SignedInAsync(Roles.Coordinator, "GM0342", phone: true);
        await page.GotoAsync(world.Url("/vraag-en-aanbod?soort=vrijwilligerswerk"));
        var kinds = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Vraag en aanbod per soort" }) });
        await Expect(kinds.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(kinds.Locator("tbody tr")).ToContainTextAsync("Vrijwilligerswerk");
        await Expect(page.GetByLabel("Soort")).ToHaveValueAsync("vrijwilligerswerk");
        await ConsoleWorld.CheckPageAsync(page, "supply-and-demand-phone");
    }

    private static string Count(FigureCount c) => c.ValueCase == FigureCount.ValueOneofCase.Count ? c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "<5";
}
