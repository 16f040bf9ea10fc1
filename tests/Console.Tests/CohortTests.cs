using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>"Groep koppelen": a whole group at once, beside one by one, confirmed pair by pair or all at once.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CohortTests(ConsoleWorld world)
{
    // A municipality outside the demo region, so that the group holds only this test's people (it is not in the demo postcode table either: its code is its label).
    private const string Bunnik = "GM0312";

    [Fact]
    public async Task A_caseworker_assigns_a_group_sees_it_beside_one_by_one_and_confirms_the_pairs()
    {
        // Both can work at the bakery, Anna best; the nursery asks B2, which only Anna comes near (B1, one step under).
        using var admin = Seed.Clients(world, Roles.Admin);
        var provider = await admin.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider { Name = "Bakkerij Bunnik", Kind = ProviderKind.Ondernemersladder, MunicipalityCode = Bunnik } });
        await PlacementAsync(admin, provider.Id, "Bakkerij aan de Markt", o => { });
        await PlacementAsync(admin, provider.Id, "Kwekerij De Linde", o => { o.Occupation = "9214"; o.Skills.Clear(); o.RequiredDutchLevel = CefrLevel.B2; });
        await NewcomerAsync(admin, "Anna Haddad", CefrLevel.B1);
        await NewcomerAsync(admin, "Bilal Noor", CefrLevel.A1);
        var page = await world.SignedInAsync(Roles.Caseworker, Bunnik);

        await page.GetByRole(AriaRole.Link, new() { Name = "Groep koppelen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Groep koppelen", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("[data-interactive=yes]").WaitForAsync();
        await ConsoleWorld.CheckPageAsync(page, "cohort-form");

        // Without a municipality the form says so beside the field, in Dutch, and keeps what was typed.
        await page.GetByLabel(Bunnik, new() { Exact = true }).UncheckAsync();
        await page.GetByLabel("Hoogstens zo ver reizen (km)").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Groep indelen" }).ClickAsync();
        await Expect(page.Locator("#gemeenten-fout")).ToHaveTextAsync("Kies ten minste één gemeente.");
        await Expect(page.GetByLabel("Hoogstens zo ver reizen (km)")).ToHaveValueAsync("12");
        await page.GetByLabel(Bunnik, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Groep indelen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Voorgestelde paren (2)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Dit voorstel geeft" }))
            .ToContainTextAsync("2 van de 2 nieuwkomers een plek; één voor één zouden het er 1 zijn, 1 minder.");
        var comparison = page.GetByRole(AriaRole.Table).First;
        await Expect(comparison.GetByRole(AriaRole.Row, new() { Name = "Eén voor één, de beste eerst" })).ToContainTextAsync("1");
        var pairs = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Voorgestelde paren (2)" }) });
        await Expect(pairs.GetByRole(AriaRole.Row, new() { Name = "Anna Haddad" })).ToContainTextAsync("Kwekerij De Linde");
        await Expect(pairs.GetByRole(AriaRole.Row, new() { Name = "Bilal Noor" })).ToContainTextAsync("Bakkerij aan de Markt");
        await Expect(page.GetByText("Iedereen in de groep heeft een plek.")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "cohort-result");

        // One by one, or all at once: each confirmation is a proposal.
        await pairs.GetByRole(AriaRole.Button, new() { Name = "Bevestig Anna Haddad bij Kwekerij De Linde" }).ClickAsync();
        await Expect(pairs.GetByRole(AriaRole.Row, new() { Name = "Anna Haddad" }).GetByRole(AriaRole.Link, new() { Name = "Voorgesteld" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bevestig alle 1" }).ClickAsync();
        await Expect(page.GetByText("Alle 1 paren zijn voorgesteld.")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "cohort-confirmed");
        await pairs.GetByRole(AriaRole.Row, new() { Name = "Bilal Noor" }).GetByRole(AriaRole.Link, new() { Name = "Voorgesteld" }).ClickAsync();
        await Expect(page.GetByText("Bakkerij aan de Markt").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Voorgesteld", new() { Exact = true }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_coordinator_assigns_the_demo_regions_buddies_and_sees_who_is_left_out_and_why()
    {
        var page = await world.SignedInAsync(Roles.Coordinator, "GM0342");
        await page.GotoAsync(world.Url("/groep-koppelen"));
        await page.Locator("[data-interactive=yes]").WaitForAsync();
        await Expect(page.GetByText("Soort: taalmaatjes.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Groep indelen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Voorgestelde paren" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zonder plek" })).ToBeVisibleAsync();
        await Expect(page.Locator(".console-reasons__item").First).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "cohort-buddies");

        // On a phone the pairs stack into cards, and nothing but a table's own scroll is wider than the screen.
        var phone = await world.SignedInAsync(Roles.Coordinator, "GM0342", phone: true);
        await phone.GotoAsync(world.Url("/groep-koppelen"));
        await phone.Locator("[data-interactive=yes]").WaitForAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Groep indelen" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Voorgestelde paren" })).ToBeVisibleAsync();
        var wide = await phone.EvaluateAsync<string>("[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.console-table-scroll')).slice(0, 5).map(e => e.tagName + '.' + e.className).join(' | ')");
        Assert.True(wide.Length == 0, $"wider than the screen: {wide}");
        await ConsoleWorld.CheckPageAsync(phone, "cohort-buddies-phone");
    }

    private static Task<Opportunity> PlacementAsync(Clients admin, string providerId, string title, Action<Opportunity> change)
    {
        var placement = new Opportunity
        {
            ProviderId = providerId, Kind = OpportunityKind.WorkPlacement, Title = title, Occupation = "7512", RequiredDutchLevel = CefrLevel.A2,
            Skills = { "koken" }, Location = new GeoPoint { Latitude = 52.030, Longitude = 5.168 }, MunicipalityCode = Bunnik, Capacity = 1, CountsTowardsMap = true,
            Schedule = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayMorning, DayPart.TuesdayMorning } },
        };
        change(placement);
        return admin.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = placement }).ResponseAsync;
    }

    private static Task<Newcomer> NewcomerAsync(Clients admin, string name, CefrLevel dutch) =>
        admin.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest
        {
            Newcomer = new Newcomer
            {
                MunicipalityCode = Bunnik, CaseworkerId = "gm0312-klantmanager-1", DisplayName = name, Home = new GeoPoint { Latitude = 52.028, Longitude = 5.170 },
                DutchLevel = dutch, Leerroute = Leerroute.B1, PipGoals = { PipGoal.Work }, Occupations = { "7512" }, Skills = { "koken" },
                Availability = new Availability { HoursPerWeek = 24, DayParts = { DayPart.MondayMorning, DayPart.TuesdayMorning } },
                MaxTravelKm = 10, TravelModes = { TravelMode.Bicycle }, Consent = new Consent { Matching = true, ShareWithProviders = true },
            },
        }).ResponseAsync;
}
