using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>A provider: its proposals, a candidate under a pseudonym, and the contact only once both sides said yes with consent.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProviderTests(ConsoleWorld world)
{
    private const string Provider = "gm0342-werkgevers";

    [Fact]
    public async Task A_provider_sees_a_proposal_pseudonymised_accepts_it_and_gets_the_contact_only_with_consent()
    {
        var shy = await Seed.NewcomerAsync(world, "Niet Delen Testpersoon", shares: false);
        var open = await Seed.NewcomerAsync(world, "Wel Delen Testpersoon", shares: true);
        using var caseworker = Seed.Clients(world, Roles.Caseworker, municipalities: ["GM0342"]);
        using var admin = Seed.Clients(world, Roles.Admin);
        var placements = (await admin.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest
        {
            ProviderId = Provider, Kind = OpportunityKind.WorkPlacement, OnlyOpen = true,
        })).Opportunities;
        var shyMatch = await ProposeAnyAsync(caseworker, shy.Id, placements);
        var openMatch = await ProposeAnyAsync(caseworker, open.Id, placements.Where(p => p.Id != shyMatch.OpportunityId));
        foreach (var m in new[] { shyMatch, openMatch })
            await caseworker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = m.Id, Party = Party.Newcomer, Accept = true });

        var page = await world.SignedInAsync(Roles.Provider, Provider);
        await page.GotoAsync(world.Url("/voorstellen"));
        var row = page.Locator("tr", new() { HasText = "kandidaat cand-" }).First;
        await Expect(row).ToBeVisibleAsync();
        var content = await page.ContentAsync();
        Assert.DoesNotContain("Niet Delen Testpersoon", content, StringComparison.Ordinal);
        Assert.DoesNotContain(shy.Id, content, StringComparison.Ordinal);
        await ConsoleWorld.CheckPageAsync(page, "provider-proposals");

        await page.GotoAsync(world.Url($"/matches/{shyMatch.Id}"));
        await Expect(page.GetByText("kandidaat cand-")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accepteren" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Geaccepteerd");
        await Expect(page.GetByText("U ziet de naam en het contact zodra beide kanten ja hebben gezegd")).ToBeVisibleAsync();
        Assert.DoesNotContain("Niet Delen Testpersoon", await page.ContentAsync(), StringComparison.Ordinal);
        await ConsoleWorld.CheckPageAsync(page, "provider-match-withheld");

        await page.GotoAsync(world.Url($"/matches/{openMatch.Id}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Accepteren" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zo gaat u van start" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Wel Delen Testpersoon")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "provider-match-contact");
    }

    [Fact]
    public async Task A_provider_declines_with_a_reason_from_the_list_and_sees_candidates_for_its_placements_without_names()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Afwijzing Testpersoon", shares: false);
        using var caseworker = Seed.Clients(world, Roles.Caseworker, municipalities: ["GM0342"]);
        using var admin = Seed.Clients(world, Roles.Admin);
        var placements = (await admin.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = Provider, OnlyOpen = true })).Opportunities;
        var match = await ProposeAnyAsync(caseworker, newcomer.Id, placements);

        var page = await world.SignedInAsync(Roles.Provider, Provider);
        await page.GotoAsync(world.Url($"/matches/{match.Id}"));
        // Without a reason from the list the API refuses, and the message stands beside the list in Dutch; the words stay.
        await page.GetByLabel("Toelichting (nodig bij 'Anders')").FillAsync("De plek is deze maand al bezet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afwijzen" }).ClickAsync();
        await Expect(page.Locator("#aanbieder-code-fout")).ToHaveTextAsync("Kies een reden uit de lijst.");
        await Expect(page.GetByLabel("Toelichting (nodig bij 'Anders')")).ToHaveValueAsync("De plek is deze maand al bezet.");
        await ConsoleWorld.CheckPageAsync(page, "provider-decline-error");

        await page.GetByLabel("Reden, als u nee zegt").SelectOptionAsync(new SelectOptionValue { Label = "De plek is al vervuld of vervalt" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afwijzen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Afgewezen");
        await Expect(page.GetByText("De plek is al vervuld of vervalt")).ToBeVisibleAsync();
        await Expect(page.GetByText("De plek is deze maand al bezet.")).ToBeVisibleAsync();
        var declined = await admin.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id });
        Assert.Equal((EndReason.PlaceUnavailable, "De plek is deze maand al bezet."), (declined.ReasonCode, declined.Reason));

        await page.GotoAsync(world.Url("/aanbod"));
        await ConsoleWorld.CheckPageAsync(page, "provider-offers");
        await page.GotoAsync(world.Url($"/aanbod/{match.OpportunityId}/bewerken"));
        await Expect(page.GetByLabel("Titel")).Not.ToHaveValueAsync("");
        await ConsoleWorld.CheckPageAsync(page, "provider-offer-edit");
        await page.GotoAsync(world.Url($"/aanbod/{match.OpportunityId}/kandidaten"));
        await Expect(page.Locator(".console-suggestion").First).ToContainTextAsync("Kandidaat cand-");
        Assert.DoesNotContain("Testpersoon", await page.ContentAsync(), StringComparison.Ordinal);
        await ConsoleWorld.CheckPageAsync(page, "provider-candidates");
    }

    /// <summary>Proposes the newcomer for the first of the placements that the rules allow.</summary>
    private static async Task<Match> ProposeAnyAsync(Clients caseworker, string newcomerId, IEnumerable<Opportunity> placements)
    {
        var list = await caseworker.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomerId, Limit = 100 });
        var ids = placements.Select(p => p.Id).ToHashSet();
        var pick = list.Suggestions.First(s => ids.Contains(s.OpportunityId) && s.PlacesLeft > 0);
        return await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest
        {
            NewcomerId = newcomerId, OpportunityId = pick.OpportunityId, Origin = ProposalOrigin.Suggestion, RequestId = list.RequestId,
        });
    }
}
