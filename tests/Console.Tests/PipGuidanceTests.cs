using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>The PIP-advies panel on the newcomer's page and in the suggestion sheet, against what the changes really open.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PipGuidanceTests(ConsoleWorld world)
{
    [Fact]
    public async Task The_newcomer_page_shows_what_each_change_would_open_as_a_suggestion_to_talk_about()
    {
        using var admin = Seed.Clients(world, Roles.Admin);
        var profile = Profile();
        var newcomer = await admin.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = profile });
        var guidance = await admin.Matching.GetPipGuidanceAsync(new GetPipGuidanceRequest { NewcomerId = newcomer.Id });
        Assert.NotEmpty(guidance.Changes);

        // The gain shown first is true: a copy of the newcomer with the change applied has that many more eligible.
        var top = guidance.Changes.First(c => c.EligibleGain > 0);
        var copy = await admin.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Applied(profile, top) });
        var now = await admin.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
        var changed = await admin.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = copy.Id });
        Assert.Equal(top.EligibleGain, changed.Eligible - now.Eligible);
        Assert.Equal(now.Eligible, guidance.Eligible);

        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await page.GotoAsync(world.Url($"/nieuwkomers/{newcomer.Id}"));
        var panel = page.Locator(".console-pip");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "PIP-advies" })).ToBeVisibleAsync();
        await Expect(panel).ToContainTextAsync("suggestie om samen te bespreken");
        await Expect(panel).ToContainTextAsync($"Nu passen {guidance.Eligible} plekken, waarvan {guidance.Good} goed");
        var shown = panel.Locator(".console-pip__change");
        Assert.Equal(Math.Min(6, guidance.Changes.Count), await shown.CountAsync());
        for (var i = 0; i < await shown.CountAsync(); i++) await Expect(shown.Nth(i)).ToContainTextAsync(guidance.Changes[i].TextNl);
        await Expect(panel).ToContainTextAsync(top.TextNl);
        await panel.ScrollIntoViewIfNeededAsync();
        await ConsoleWorld.CheckPageAsync(page, "caseworker-pip-guidance");
        await panel.ScreenshotAsync(new() { Path = Path.Combine(Newcomers.TestSupport.Repository.Root, "artifacts", "screenshots", "caseworker-pip-guidance-panel.png") });
    }

    [Fact]
    public async Task The_suggestion_sheet_gives_the_advice_for_its_kind_in_Dutch_and_English()
    {
        using var admin = Seed.Clients(world, Roles.Admin);
        var newcomer = await admin.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Profile() });
        var list = await admin.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id, Kinds = { OpportunityKind.WorkPlacement } });
        var match = await admin.Matching.ProposeMatchAsync(new ProposeMatchRequest
        {
            NewcomerId = newcomer.Id, OpportunityId = list.Suggestions[0].OpportunityId, Origin = ProposalOrigin.Suggestion, RequestId = list.RequestId,
            CaseworkerId = "gm0342-klantmanager-1",
        });
        var guidance = await admin.Matching.GetPipGuidanceAsync(new GetPipGuidanceRequest { NewcomerId = newcomer.Id, Kind = OpportunityKind.WorkPlacement });

        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await page.GotoAsync(world.Url($"/matches/{match.Id}/matchbrief"));
        var panel = page.Locator(".console-pip");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "PIP-advies PIP advice" })).ToBeVisibleAsync();
        if (guidance.Changes.Count > 0)
        {
            await Expect(panel).ToContainTextAsync(guidance.Changes[0].TextNl);
            await Expect(panel).ToContainTextAsync(guidance.Changes[0].TextEn);
        }
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(panel).ToBeVisibleAsync();
        await ConsoleWorld.ScreenshotAsync(page, "caseworker-matchbrief-pip-print");
    }

    /// <summary>A newcomer of Soest with room to grow: Dutch A1, 5 km, two mornings, 12 hours.</summary>
    private static Newcomer Profile() => new()
    {
        MunicipalityCode = "GM0342", CaseworkerId = "gm0342-klantmanager-1", DisplayName = "Advies Testpersoon",
        Home = new GeoPoint { Latitude = 52.173, Longitude = 5.291 }, DutchLevel = CefrLevel.A1, Leerroute = Leerroute.B1,
        PipGoals = { PipGoal.Work, PipGoal.Volunteering }, MapHoursDone = 4, Skills = { "koken" },
        Availability = new Availability { HoursPerWeek = 12, DayParts = { DayPart.MondayMorning, DayPart.TuesdayMorning } },
        MaxTravelKm = 5, TravelModes = { TravelMode.Bicycle }, Consent = new Consent { Matching = true, ShareWithProviders = true },
    };

    private static Newcomer Applied(Newcomer profile, PipChange change)
    {
        var n = new Newcomer(profile);
        switch (change.Kind)
        {
            case PipChangeKind.DutchLevel: n.DutchLevel = change.DutchLevel; break;
            case PipChangeKind.TravelDistance: n.MaxTravelKm = change.MaxTravelKm; break;
            case PipChangeKind.DayPart: n.Availability.DayParts.Add(change.DayPart); break;
            case PipChangeKind.Hours: n.Availability.HoursPerWeek = change.HoursPerWeek; break;
            case PipChangeKind.Skill: n.Skills.Add(change.Skill); break;
        }
        return n;
    }
}
