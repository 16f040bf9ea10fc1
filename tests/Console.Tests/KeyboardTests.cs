using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>One whole flow by keyboard alone, with the focus visible at every step.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class KeyboardTests(ConsoleWorld world)
{
    [Fact]
    public async Task A_caseworker_signs_in_finds_a_newcomer_and_proposes_a_match_by_keyboard_alone()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Toetsenbord Testpersoon");
        var page = await world.NewPageAsync();
        await page.GotoAsync(world.Url("/aanmelden"));

        // The skip link is reached by keyboard and is visible when focused.
        await TabToAsync(page, "a.console-skip-link");
        Assert.True(await page.Locator("a.console-skip-link").IsVisibleAsync());
        await TabToAsync(page, "input#rol-caseworker");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "input#scope");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("GM0342");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/nieuwkomers", StringComparison.Ordinal));

        await TabToAsync(page, "input#zoek");
        await page.Keyboard.TypeAsync("toetsenbord");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("zoek=toetsenbord", StringComparison.Ordinal));
        await TabToAsync(page, $"a[href='nieuwkomers/{newcomer.Id}']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Toetsenbord Testpersoon");

        await TabToAsync(page, $"a[href='nieuwkomers/{newcomer.Id}/zoek-matches?soort=werk']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zoek matches: werkplek" })).ToBeVisibleAsync();
        await TabToAsync(page, ".console-suggestion button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("De match is voorgesteld.")).ToBeVisibleAsync();

        await TabToAsync(page, "button:text('Nieuwkomer zegt ja')");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByText("Vastgelegd.")).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(page, "keyboard-match");
    }

    /// <summary>Presses Tab until the element is focused (at most 80 times), and checks that the focus can be seen.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                await ExpectFocusVisibleAsync(page);
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    /// <summary>The focused element draws an outline or a ring (box shadow) that differs from its look without focus.</summary>
    private static async Task ExpectFocusVisibleAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string[]>("""
            () => { const s = getComputedStyle(document.activeElement);
                    return [s.outlineStyle, s.outlineWidth, s.boxShadow, String(document.activeElement.matches(':focus-visible'))]; }
            """);
        var ring = style[0] != "none" && style[1] != "0px" || style[2] != "none";
        Assert.True(ring && style[3] == "true", $"no visible focus on {page.Url}: {string.Join(" | ", style)}");
    }
}
