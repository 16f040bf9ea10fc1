using System.Text.Json;
using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>The model card for the functional administrator, from the models page, with its Algoritmeregister entry to download.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ModelCardTests(ConsoleWorld world)
{
    [Fact]
    public async Task An_admin_reads_the_model_card_in_sections_and_downloads_the_register_entry()
    {
        var admin = await world.SignedInAsync(Roles.Admin, "");
        await admin.GotoAsync(world.Url("/beheer/modellen"));
        await admin.GetByRole(AriaRole.Link, new() { Name = "Modelkaart en Algoritmeregister" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Modelkaart", Level = 1 })).ToBeVisibleAsync();
        foreach (var section in new[] { "Wie het gebruikt", "Trainingsdata", "Hoe goed het rangschikt", "Kenmerken", "Wat het nooit gebruikt", "Eerlijkheid", "Menselijke tussenkomst" })
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = section, Level = 2 })).ToBeVisibleAsync();
        // The deployment's own facts, from the host's appsettings; the heuristic ranks in this world.
        await Expect(admin.GetByText("Gemeente Soest (voorbeeld)").First).ToBeVisibleAsync();
        await Expect(admin.Locator("main")).ToContainTextAsync("heuristic-v1");
        await Expect(admin.Locator("code", new() { HasText = "distance_km" })).ToBeVisibleAsync();
        await ConsoleWorld.CheckPageAsync(admin, "admin-model-card");

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = "JSON voor het Algoritmeregister" }).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var json = await JsonDocument.ParseAsync(stream);
        Assert.Equal("Gemeente Soest (voorbeeld)", json.RootElement.GetProperty("organization").GetString());
        Assert.Equal("heuristic-v1", json.RootElement.GetProperty("model_card").GetProperty("ranker").GetString());
        Assert.Equal("algoritmeregister-heuristic-v1.json", download.SuggestedFilename);
    }
}
