using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleWorld world)
{
    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_signing_out_ends_the_session()
    {
        var page = await world.NewPageAsync();
        await page.GotoAsync(world.Url("/nieuwkomers?zoek=a"));
        Assert.Contains("/aanmelden?ReturnUrl=", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByText("Meld u aan om verder te gaan.")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "sign-in");

        await ConsoleWorld.SignInAsync(page, Roles.Caseworker, "GM0342");
        Assert.EndsWith("/nieuwkomers?zoek=a", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByText("Klantmanager · GM0342")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await Expect(page.GetByText("U bent afgemeld.")).ToBeVisibleAsync();
        await page.GotoAsync(world.Url("/nieuwkomers"));
        Assert.Contains("/aanmelden", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_demo_choice_is_explained_beside_its_field_and_keeps_what_was_typed()
    {
        var page = await world.NewPageAsync();
        await page.GotoAsync(world.Url("/aanmelden"));
        await page.GetByLabel("Klantmanager", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Gemeente (CBS-code) of aanbieder (id)").FillAsync("Soest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page.GetByText("Vul een gemeentecode in, zoals GM0342.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Gemeente (CBS-code) of aanbieder (id)")).ToHaveValueAsync("Soest");
    }
}
