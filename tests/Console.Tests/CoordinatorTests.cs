using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>The taalmaatje coordinator: who waits, which buddies have room, and suggestions from the buddy's side.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CoordinatorTests(ConsoleWorld world)
{
    [Fact]
    public async Task A_coordinator_sees_who_waits_and_which_buddies_have_room_and_proposes_a_pair_from_the_buddys_side()
    {
        var page = await world.SignedInAsync(Roles.Coordinator, "GM0342");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Taalmaatjes", Level = 1 })).ToBeVisibleAsync();
        var waiting = page.Locator("section", new() { HasText = "Nieuwkomers die een taalmaatje willen" }).Locator("li");
        var buddies = page.Locator("section", new() { HasText = "Taalmaatjes met ruimte" }).Locator("li");
        await Expect(waiting.First).ToContainTextAsync("wacht");
        await Expect(buddies.First).ToContainTextAsync("vrij");
        await ConsoleWorld.CheckPageAsync(page, "coordinator-buddies");

        await buddies.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nieuwkomers die passen" })).ToBeVisibleAsync();
        var first = page.Locator(".console-suggestion").First;
        await Expect(first.Locator(".console-reasons__item").First).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "coordinator-buddy");
        var name = (await first.Locator("h3").InnerTextAsync()).Trim();

        await first.GetByRole(AriaRole.Button, new() { Name = "Voorstellen" }).ClickAsync();
        await Expect(page.GetByText("De match is voorgesteld.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByText("Taalmaatje", new() { Exact = true })).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "coordinator-match");
    }
}
