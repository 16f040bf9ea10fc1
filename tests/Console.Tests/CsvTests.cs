using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>Spreadsheets in the console: a caseload and a provider's offers exported, files imported with progress and their bad rows in a table.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CsvTests(ConsoleWorld world)
{
    private const string Header = "gemeentecode;klantmanager;naam;breedtegraad;lengtegraad;nederlands;leerroute;pip_doelen;uren_per_week;dagdelen;max_reisafstand_km;vervoer";

    private static string Row(string municipality, string name, string dutch = "A2") =>
        $"{municipality};{municipality.ToLowerInvariant()}-klantmanager-1;{name};52,173;5,291;{dutch};B1;werk;24;\"ma-ochtend;di-middag\";10;fiets";

    private static FilePayload Csv(string name, params string[] lines) =>
        new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n") };

    internal static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.ToArray()[..3]); // so Excel reads the accents
        return new UTF8Encoding(false).GetString(bytes.ToArray()[3..]);
    }

    private static async Task ImportAsync(IPage page, FilePayload file)
    {
        await Expect(page.Locator("[data-interactive=yes]")).ToBeVisibleAsync();
        await page.GetByLabel("CSV-bestand").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importeren" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_caseworker_exports_the_caseload_sees_bad_rows_in_a_table_and_then_saves_only_the_good_ones()
    {
        var page = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        await page.GotoAsync(world.Url("/nieuwkomers"));
        var exported = await DownloadAsync(page, "Exporteren (CSV)");
        Assert.StartsWith("id;gemeentecode;klantmanager;naam;", exported, StringComparison.Ordinal);
        Assert.Contains(";GM0342;", exported, StringComparison.Ordinal);
        await ConsoleWorld.CheckPageAsync(page, "caseload-with-csv");

        await page.GetByRole(AriaRole.Link, new() { Name = "Importeren (CSV)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nieuwkomers importeren");
        var file = Csv("caseload.csv", Header, Row("GM0342", "Import Goed Een"), Row("GM0342", "Import Fout", dutch: "D1"), Row("GM0342", "Import Goed Twee"));
        await ImportAsync(page, file);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Er is niets opgeslagen: 1 rij heeft een fout.");
        var bad = page.Locator("tbody tr");
        await Expect(bad).ToHaveCountAsync(1);
        await Expect(bad.First).ToContainTextAsync("3");
        await Expect(bad.First).ToContainTextAsync("nederlands");
        await Expect(bad.First).ToContainTextAsync("Kies een van de mogelijkheden.");
        await ConsoleWorld.CheckPageAsync(page, "csv-import-bad-rows");

        await page.GetByLabel("Alleen de goede rijen opslaan").CheckAsync();
        await ImportAsync(page, file);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("2 nieuwkomers zijn opgeslagen. 1 rij met een fout is overgeslagen");
        using var admin = Seed.Clients(world, Roles.Admin);
        var saved = await admin.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = "GM0342", NameQuery = "Import", PageSize = 50 });
        Assert.Equal(["Import Goed Een", "Import Goed Twee"], saved.Newcomers.Select(n => n.DisplayName).Order(StringComparer.Ordinal));
        await ConsoleWorld.CheckPageAsync(page, "csv-import-good-rows");

        var phone = await world.SignedInAsync(Roles.Caseworker, "GM0342", phone: true);
        await phone.GotoAsync(world.Url("/importeren"));
        await ImportAsync(phone, Csv("fouten.csv", Header, Row("GM0342", "Telefoon Fout", dutch: "D1"), Row("GM0342", "Telefoon Ook Fout", dutch: "Z9")));
        await Expect(phone.Locator("tbody tr")).ToHaveCountAsync(2);
        await ConsoleWorld.CheckPageAsync(phone, "csv-import-bad-rows-phone");
    }

    [Fact]
    public async Task A_large_file_streams_in_pieces_and_the_progress_bar_ends_full()
    {
        // Newcomers without consent to matching: they never turn up in another test's suggestions.
        var rows = Enumerable.Range(0, 3000).Select(i => Row("GM0632", $"Woerden Import {i.ToString("0000", CultureInfo.InvariantCulture)}"));
        var page = await world.SignedInAsync(Roles.Caseworker, "GM0632");
        await page.GotoAsync(world.Url("/importeren"));

        await ImportAsync(page, Csv("groot.csv", [Header, .. rows]));

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("3.000 nieuwkomers zijn opgeslagen.");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Klaar: 3.000 rijen gelezen.");
        Assert.Equal("1", await page.Locator("#import-voortgang").GetAttributeAsync("value"));
        using var admin = Seed.Clients(world, Roles.Admin);
        var exported = await page.Context.APIRequest.GetAsync(world.Url("/export/nieuwkomers.csv?gemeente=GM0632"));
        Assert.Equal(3001, (await exported.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        await ConsoleWorld.CheckPageAsync(page, "csv-import-large");
    }

    [Fact]
    public async Task A_provider_exports_its_offers_imports_a_new_one_and_cannot_export_another_municipality()
    {
        var page = await world.SignedInAsync(Roles.Provider, "gm0342-werkgevers");
        await page.GotoAsync(world.Url("/aanbod"));
        var exported = await DownloadAsync(page, "Exporteren (CSV)");
        var lines = exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;aanbieder;extern_id;soort;titel;", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), l => Assert.Equal("gm0342-werkgevers", l.Split(';')[1]));

        await page.GetByRole(AriaRole.Link, new() { Name = "Importeren (CSV)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Plekken importeren");
        await ImportAsync(page, Csv("aanbod.csv", "aanbieder;soort;titel;beroep_isco;nederlands;breedtegraad;lengtegraad;gemeentecode;plaatsen;uren_per_week;dagdelen",
            "gm0342-werkgevers;werkplek;Stage magazijn uit Excel;9321;A1;52,18;5,3;GM0342;2;16;\"ma-ochtend;wo-ochtend\""));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("1 plek is opgeslagen.");
        await ConsoleWorld.CheckPageAsync(page, "csv-import-offers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Naar mijn aanbod" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stage magazijn uit Excel" })).ToBeVisibleAsync();

        var caseworker = await world.SignedInAsync(Roles.Caseworker, "GM0342");
        var denied = await caseworker.Context.APIRequest.GetAsync(world.Url("/export/nieuwkomers.csv?gemeente=GM0632"));
        Assert.Equal(403, denied.Status);
        Assert.Contains("Dit mag u niet doen met uw rol.", await denied.TextAsync(), StringComparison.Ordinal);
    }
}
