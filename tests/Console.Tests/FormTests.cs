using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>Forms: the API's field violations beside their fields in Dutch, nothing typed lost, stale versions explained.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class FormTests(ConsoleWorld world)
{
    [Fact]
    public async Task Registering_a_newcomer_shows_each_refusal_beside_its_field_keeps_what_was_typed_and_places_the_home_by_postcode()
    {
        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await page.GotoAsync(world.Url("/nieuwkomers/nieuw"));
        await page.GetByLabel("Postcode (4 cijfers)").FillAsync("3762");
        await page.GetByLabel("Leerroute").SelectOptionAsync("B1");
        await page.GetByLabel("Niveau Nederlands").SelectOptionAsync("A2");
        await page.GetByLabel("Start van de inburgering (als die bekend is)").FillAsync("2026-09-01");
        await page.GetByLabel("Werk", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("dinsdagochtend").CheckAsync();
        await page.GetByLabel("Fiets").CheckAsync();
        await page.GetByLabel("Vaardigheden").FillAsync("koken, fietsen repareren");
        await page.GetByLabel("Uren per week beschikbaar").FillAsync("veel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inschrijven" }).ClickAsync();

        // The console's own check: not a number.
        await Expect(page.Locator("#uren-fout")).ToHaveTextAsync("Vul een aantal uren in, zoals 24.");
        await Expect(page.GetByLabel("Uren per week beschikbaar")).ToHaveValueAsync("veel");
        await Expect(page.GetByLabel("Postcode (4 cijfers)")).ToHaveValueAsync("3762");

        // The API's refusal: the name is required, and an unknown postcode is named as such.
        await page.GetByLabel("Uren per week beschikbaar").FillAsync("20");
        await page.GetByLabel("Postcode (4 cijfers)").FillAsync("9999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inschrijven" }).ClickAsync();
        await Expect(page.Locator("#naam-fout")).ToHaveTextAsync("Vul dit in.");
        await Expect(page.Locator("#postcode-fout")).ToHaveTextAsync("Deze postcode staat niet in de postcodetabel.");
        await Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("2 gegevens kloppen nog niet");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Naam: Vul dit in." })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("#naam$"));
        await Expect(page.GetByLabel("Vaardigheden")).ToHaveValueAsync("koken, fietsen repareren");
        await Expect(page.GetByLabel("dinsdagochtend")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Leerroute")).ToHaveValueAsync("B1");
        await Expect(page.GetByLabel("Start van de inburgering (als die bekend is)")).ToHaveValueAsync("2026-09-01");
        await ConsoleWorld.CheckPageAsync(page, "caseworker-newcomer-form-errors");

        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Formulier Testpersoon");
        await page.GetByLabel("Postcode (4 cijfers)").FillAsync("3762");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inschrijven" }).ClickAsync();
        await Expect(page.GetByText("De nieuwkomer is ingeschreven.")).ToBeVisibleAsync();
        await Expect(page.GetByText("20 uur per week: ochtend di")).ToBeVisibleAsync();

        using var admin = Seed.Clients(world, Roles.Admin);
        var id = page.Url.Split('/').Last().Split('?')[0];
        var stored = await admin.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = id });
        Assert.Equal((52.185, 5.269), (stored.Home.Latitude, stored.Home.Longitude));
        Assert.Equal(["koken", "fietsen repareren"], stored.Skills);
        Assert.Equal("gm0342-klantmanager-1", stored.CaseworkerId);
        Assert.Equal((2026, 9, 1), (stored.InburgeringStart.Year, stored.InburgeringStart.Month, stored.InburgeringStart.Day));
    }

    [Fact]
    public async Task Editing_a_newcomer_keeps_the_start_of_the_inburgering_set_elsewhere()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Startdatum Testpersoon");
        using var admin = Seed.Clients(world, Roles.Admin);
        newcomer.InburgeringStart = new Google.Type.Date { Year = 2025, Month = 3, Day = 17 };
        newcomer = await admin.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest
        {
            Newcomer = newcomer, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "inburgering_start" } },
        });
        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await page.GotoAsync(world.Url($"/nieuwkomers/{newcomer.Id}/bewerken"));
        await Expect(page.GetByLabel("Start van de inburgering (als die bekend is)")).ToHaveValueAsync("2025-03-17");

        await page.GetByLabel("Vaardigheden").FillAsync("koken, tuinieren");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(page.GetByText("De gegevens zijn opgeslagen.")).ToBeVisibleAsync();

        var stored = await admin.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id });
        Assert.Equal(["koken", "tuinieren"], stored.Skills);
        Assert.Equal((2025, 3, 17), (stored.InburgeringStart.Year, stored.InburgeringStart.Month, stored.InburgeringStart.Day));
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_says_so_keeps_the_typing_and_offers_the_newest_version()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Versie Testpersoon");
        var mine = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        var colleague = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await mine.GotoAsync(world.Url($"/nieuwkomers/{newcomer.Id}/bewerken"));
        await colleague.GotoAsync(world.Url($"/nieuwkomers/{newcomer.Id}/bewerken"));

        await colleague.GetByLabel("Vaardigheden").FillAsync("schilderen");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(colleague.GetByText("De gegevens zijn opgeslagen.")).ToBeVisibleAsync();

        await mine.GetByLabel("Vaardigheden").FillAsync("timmeren");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(mine.GetByText("Iemand anders heeft dit intussen gewijzigd.")).ToBeVisibleAsync();
        await Expect(mine.GetByLabel("Vaardigheden")).ToHaveValueAsync("timmeren");
        await ConsoleWorld.CheckPageAsync(mine, "caseworker-newcomer-stale");
        await mine.GetByRole(AriaRole.Link, new() { Name = "Laad de nieuwste versie" }).ClickAsync();
        await Expect(mine.GetByLabel("Vaardigheden")).ToHaveValueAsync("schilderen");
    }

    [Fact]
    public async Task A_provider_posts_a_placement_from_a_phone()
    {
        var phone = await world.SignedInAsync(Roles.Provider, "gm0342-ondernemersladder", phone: true);
        await phone.GotoAsync(world.Url("/aanbod/nieuw"));
        await phone.GetByLabel("Titel").FillAsync("Taalstage fietsenwinkel");
        await phone.GetByLabel("Wat gaat de nieuwkomer doen?").FillAsync("Fietsen repareren en klanten helpen.");
        await phone.GetByLabel("Beroep (ISCO-code)").FillAsync("7234");
        await phone.GetByLabel("Aantal plekken").FillAsync("twee");
        await phone.GetByLabel("Postcode (4 cijfers)").FillAsync("3761");
        await phone.GetByLabel("Uren per week").FillAsync("12");
        await phone.GetByLabel("woensdagochtend").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        await Expect(phone.Locator("#plekken-fout")).ToHaveTextAsync("Vul een aantal plekken in, zoals 2.");
        await Expect(phone.GetByLabel("Titel")).ToHaveValueAsync("Taalstage fietsenwinkel");
        await ConsoleWorld.CheckPageAsync(phone, "provider-post-phone-error");

        await phone.GetByLabel("Aantal plekken").FillAsync("2");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        await Expect(phone.GetByText("De plek is opgeslagen.")).ToBeVisibleAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Taalstage fietsenwinkel" })).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(phone, "provider-offers-phone");
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px screen");

        using var admin = Seed.Clients(world, Roles.Admin);
        var posted = (await admin.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = "gm0342-ondernemersladder" }))
            .Opportunities.Single(o => o.Title == "Taalstage fietsenwinkel");
        Assert.Equal(("GM0342", 52.173, 5.291, 2), (posted.MunicipalityCode, posted.Location.Latitude, posted.Location.Longitude, posted.Capacity));
    }

    [Fact]
    public void Every_reason_code_of_the_api_has_its_own_dutch_sentence()
    {
        foreach (var reason in ViolationReasons.All)
        {
            var text = Text.ViolationText.Dutch(new Google.Rpc.BadRequest.Types.FieldViolation { Reason = reason, Description = "english" });
            Assert.NotEqual("english", text);
        }
    }
}
