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
}
