using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>The functional administrator: the audit log, and training a model with its progress shown as it streams.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AdminTests(ConsoleWorld world)
{
    [Fact]
    public async Task The_audit_log_shows_who_read_a_newcomer_and_is_searchable_by_record_and_by_actor()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Audit Testpersoon");
        var caseworker = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await caseworker.GotoAsync(world.Url($"/nieuwkomers/{newcomer.Id}"));
        await Expect(caseworker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Audit Testpersoon");

        var admin = await world.SignedInAsync(Roles.Admin, "");
        await admin.GotoAsync(world.Url("/beheer/auditlog"));
        await admin.GetByLabel("Zoekterm").FillAsync(newcomer.Id);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var row = admin.Locator("tr", new() { HasText = "gm0342-klantmanager-1" }).Filter(new() { HasText = "GetNewcomer" });
        await Expect(row.First).ToContainTextAsync($"newcomers/{newcomer.Id}");
        await Expect(row.First).ToContainTextAsync("begeleiding");
        await ConsoleWorld.CheckPageAsync(admin, "admin-audit-log");

        await admin.GetByRole(AriaRole.Link, new() { Name = "gm0342-klantmanager-1" }).First.ClickAsync();
        await Expect(admin.GetByLabel("Zoek op")).ToHaveValueAsync("actor");
        await Expect(admin.Locator("tbody tr").First).ToContainTextAsync("gm0342-klantmanager-1");
        Assert.Equal(await admin.Locator("tbody tr").CountAsync(), await admin.Locator("tbody tr", new() { HasText = "gm0342-klantmanager-1" }).CountAsync());
    }

    [Fact]
    public async Task Training_a_model_fills_the_progress_bar_as_the_run_reports_and_ends_with_the_decision()
    {
        var admin = await world.SignedInAsync(Roles.Admin, "");
        await admin.GotoAsync(world.Url("/beheer/modellen"));
        await Expect(admin.GetByText("De vaste regels (heuristic-v1) rangschikken")).ToBeVisibleAsync();
        await admin.Locator("[data-interactive=yes]").WaitForAsync();
        await ConsoleWorld.CheckPageAsync(admin, "admin-models");

        await admin.GetByLabel("Trainen op").SelectOptionAsync(TrainingSource.Simulator.ToString());
        await admin.GetByRole(AriaRole.Button, new() { Name = "Train een model" }).ClickAsync();
        var bar = admin.Locator("#train-voortgang");
        await Expect(bar).ToBeVisibleAsync();
        // The bar moves before the run ends: a value strictly between 0 and 1 was seen.
        var seen = new List<double>();
        for (var i = 0; i < 600 && !await admin.GetByText("klaar:").IsVisibleAsync(); i++)
        {
            if (await bar.GetAttributeAsync("value") is { } value) seen.Add(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            await Task.Delay(50);
        }
        await Expect(admin.GetByText("klaar:")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Contains(seen, v => v is > 0 and < 1);
        Assert.Equal("1", await bar.GetAttributeAsync("value"));
        await Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "paren, getraind in" })).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(admin, "admin-models-trained");

        // The model in use, with how well its chance of acceptance matched what became of proposals it never saw.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Toon het model en alle versies" }).ClickAsync();
        await Expect(admin.GetByText("Dit model geeft de kans dat een voorstel wordt geaccepteerd.")).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Columnheader, new() { Name = "Voorspeld" })).ToBeVisibleAsync();
        await Expect(admin.Locator("section", new() { HasText = "Alle versies" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await ConsoleWorld.CheckPageAsync(admin, "admin-models-calibration");
    }

    [Fact]
    public async Task The_models_page_shows_each_rankers_fairness_by_group_and_flags_a_rate_under_four_fifths_in_dutch()
    {
        // Twenty newcomers of Zeist who consented to the fairness audit; a provider's list of them; men accepted more often than women.
        using var admin = Seed.Clients(world, Roles.Admin);
        var provider = await admin.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider { Name = "Eerlijk Werk Zeist", Kind = ProviderKind.Employer, MunicipalityCode = "GM0355" } });
        var placement = await admin.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest
        {
            Opportunity = new Opportunity
            {
                ProviderId = provider.Id, Kind = OpportunityKind.WorkPlacement, Title = "Stage groenonderhoud", Occupation = "6113", RequiredDutchLevel = CefrLevel.A1,
                Location = new GeoPoint { Latitude = 52.090, Longitude = 5.233 }, MunicipalityCode = "GM0355", Capacity = 50,
                Schedule = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayMorning, DayPart.TuesdayMorning } },
            },
        });
        var (ours, women) = (new HashSet<string>(), new HashSet<string>());
        for (var i = 0; i < 20; i++)
        {
            var n = await admin.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest
            {
                Newcomer = new Newcomer
                {
                    MunicipalityCode = "GM0355", CaseworkerId = "gm0355-klantmanager-1", DisplayName = $"Eerlijk {i}", Home = new GeoPoint { Latitude = 52.088 + i * 0.0002, Longitude = 5.231 },
                    DutchLevel = CefrLevel.A2, Leerroute = Leerroute.B1, PipGoals = { PipGoal.Work }, MaxTravelKm = 10, TravelModes = { TravelMode.Bicycle },
                    Availability = new Availability { HoursPerWeek = 24, DayParts = { DayPart.MondayMorning, DayPart.TuesdayMorning } },
                    Consent = new Consent { Matching = true, ShareWithProviders = true, FairnessAudit = true },
                },
            });
            ours.Add(n.Id);
            if (i % 2 == 0) women.Add(n.Id);
            await admin.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest
            {
                Attributes = new ProtectedAttributes { NewcomerId = n.Id, Gender = i % 2 == 0 ? Gender.Female : Gender.Male, CountryOfOrigin = i < 10 ? "SY" : "ER", BirthYear = 1990 },
            });
        }
        var shown = await admin.Matching.RecommendNewcomersAsync(new RecommendNewcomersRequest { OpportunityId = placement.Id, Limit = 100 });
        // Six women and six men proposed; the provider accepts every man and two of the women.
        var proposed = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        foreach (var id in shown.Suggestions.Select(s => s.NewcomerId).Where(ours.Contains))
        {
            var woman = women.Contains(id);
            if (proposed[woman] == 6) continue;
            var match = await admin.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = id, OpportunityId = placement.Id, CaseworkerId = "km", Origin = ProposalOrigin.Suggestion, RequestId = shown.RequestId });
            var accept = !woman || proposed[woman] < 2;
            await admin.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = accept, ReasonCode = accept ? EndReason.Unspecified : EndReason.PlaceUnavailable, Reason = accept ? "" : "vol" });
            if (accept) await admin.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
            proposed[woman]++;
        }

        var page = await world.SignedInAsync(Roles.Admin, "");
        await page.GotoAsync(world.Url("/beheer/modellen"));
        // Whichever ranks (the heuristic, or a model another test trained), its section has the list.
        var ranker = page.GetByRole(AriaRole.Region, new() { Name = shown.Ranker.StartsWith("heuristic", StringComparison.Ordinal) ? $"Vaste regels ({shown.Ranker})" : $"Versie {shown.Ranker}" });
        var gender = ranker.GetByRole(AriaRole.Table, new() { Name = "Naar geslacht" });
        await Expect(gender.GetByRole(AriaRole.Row, new() { Name = "Vrouw" })).ToContainTextAsync("onder vier vijfde");
        await Expect(gender.GetByRole(AriaRole.Row, new() { Name = "Man" })).Not.ToContainTextAsync("onder vier vijfde");
        await Expect(ranker.GetByRole(AriaRole.Table, new() { Name = "Naar herkomstregio" }).GetByRole(AriaRole.Row, new() { Name = "Midden-Oosten en Noord-Afrika" })).ToBeVisibleAsync();
        // No name of anyone in the report.
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Eerlijkheid per versie" })).Not.ToContainTextAsync("Eerlijk 1");
        await ConsoleWorld.CheckPageAsync(page, "admin-models-fairness");
    }
}
