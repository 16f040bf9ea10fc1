using System.Globalization;
using Microsoft.Playwright;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Microsoft.Playwright.Assertions;

namespace Newcomers.Console.Tests;

/// <summary>The monitoring page of a policy officer: charts with their tables, small groups suppressed, a filter, and the CSV.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MonitoringTests(ConsoleWorld world)
{
    private static string ThisMonth => DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_policy_officer_lands_on_the_figures_sees_each_chart_with_its_table_and_small_groups_suppressed()
    {
        var page = await world.SignedInAsync(Roles.Policy, "GM0342");
        await page.WaitForURLAsync(url => url.Contains("/monitoring", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monitoring", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Hoe gaat het met nieuwkomers")).ToBeVisibleAsync();
        await Expect(page.GetByText("Beleid · GM0342")).ToBeVisibleAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Monitoring" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Nieuwkomers", Exact = true })).ToHaveCountAsync(0);

        // The same numbers as the API gives the policy role, in the table beside the chart.
        using var policy = Seed.Clients(world, Roles.Policy, municipalities: ["GM0342"]);
        var from = DateTime.UtcNow.AddMonths(-11).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var figures = await policy.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { MunicipalityCodes = { "GM0342" }, FromMonth = from, ToMonth = ThisMonth });
        var month = figures.Areas.Single().Months.Last();
        Assert.Equal(12, figures.Areas.Single().Months.Count);
        Assert.True(month.Newcomers.Count >= 30, $"the demo region has 30 newcomers in Soest, got {month.Newcomers}");

        var status = page.Locator("section#status");
        var chart = status.Locator("svg[role=img]");
        await Expect(chart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Gestapeld staafdiagram: Nieuwkomers per status.*De tabel ernaast heeft alle cijfers"));
        Assert.True(await chart.Locator("rect.console-chart__bar").CountAsync() >= 1);
        var table = status.GetByRole(AriaRole.Table);
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Totaal" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Row).Last).ToContainTextAsync(month.Newcomers.Count.ToString(CultureInfo.InvariantCulture));
        // Months before the demo was seeded have no newcomers: suppressed, never 0.
        Assert.True(await status.Locator("td", new() { HasTextString = "< 5" }).CountAsync() > 0);
        Assert.Equal(0, await page.Locator(".console-figure td", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^[0-4]$") }).CountAsync());

        // Every group has its chart and its table; the MAP is drawn against the 40 hours.
        foreach (var id in new[] { "leerroute", "nederlands", "doorlooptijd", "matches-werk", "matches-vrijwilligerswerk", "matches-taalmaatje", "gestopt-reden", "afgewezen-door", "afgewezen-reden", "map" })
        {
            await Expect(page.Locator($"section#{id} svg[role=img]")).ToHaveCountAsync(1);
            await Expect(page.Locator($"section#{id} table")).ToHaveCountAsync(1);
        }
        await Expect(page.Locator("section#map .console-chart__reference")).ToHaveCountAsync(1);
        await Expect(page.Locator("section#map .console-legend")).ToContainTextAsync("40 uur nodig");
        await ConsoleWorld.CheckPageAsync(page, "policy-monitoring");

        var phone = await world.SignedInAsync(Roles.Policy, "GM0342", phone: true);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Monitoring", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the phone");
        await ConsoleWorld.CheckPageAsync(phone, "policy-monitoring-phone");
    }

    [Fact]
    public async Task A_regional_policy_officer_filters_by_municipality_and_downloads_the_same_figures_with_the_suppression()
    {
        var page = await world.SignedInAsync(Roles.Policy, "GM0342,GM0308");
        await Expect(page.GetByLabel("Gemeente of regio")).ToHaveValueAsync("regio");
        await Expect(page.Locator(".console-figure-intro")).ToContainTextAsync("Regio (Baarn (GM0308), Soest (GM0342))");

        await page.GetByLabel("Gemeente of regio").SelectOptionAsync("GM0308");
        await page.GetByLabel("Van maand").FillAsync(DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("gemeente=GM0308", StringComparison.Ordinal));
        await Expect(page.GetByLabel("Gemeente of regio")).ToHaveValueAsync("GM0308");
        await Expect(page.Locator(".console-figure-intro")).ToContainTextAsync("Baarn (GM0308)");
        await Expect(page.Locator("section#status tbody tr")).ToHaveCountAsync(3);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download de cijfers (CSV)" }).ClickAsync());
        Assert.StartsWith("monitoring-GM0308-", download.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal("gebied;maand;onderwerp;reeks;eenheid;waarde;p25;p75", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("GM0308;", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"GM0308;{ThisMonth};Nieuwkomers per status;Totaal;nieuwkomers;", StringComparison.Ordinal) && int.Parse(l.Split(';')[5], CultureInfo.InvariantCulture) >= 30);
        // Suppressed cells stay suppressed: no count under 5 anywhere, "< 5" instead.
        Assert.Contains(lines, l => l.Split(';')[5] == "< 5");
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(';')[4] != "dagen" && l.Split(';')[4] != "uur" && l.Split(';')[5] is "0" or "1" or "2" or "3" or "4");
        await ConsoleWorld.CheckPageAsync(page, "policy-monitoring-filtered");

        // A month range the API refuses shows its reason beside the field.
        await page.GotoAsync(world.Url("/monitoring?gemeente=GM0308&van=2030-01&tot=2030-02"));
        await Expect(page.Locator("#van-fout, #tot-fout").First).ToBeVisibleAsync();
        await ConsoleWorld.ExpectAccessibleAsync(page);
    }

    [Fact]
    public async Task A_policy_officer_cannot_open_a_newcomer_nor_see_the_caseload()
    {
        var newcomer = await Seed.NewcomerAsync(world, "Niet Voor Beleid");
        var page = await world.SignedInAsync(Roles.Policy, "GM0342");
        await page.GotoAsync(world.Url($"/nieuwkomers/{newcomer.Id}"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dit mag u niet doen met uw rol.");
        await Expect(page.GetByText("Niet Voor Beleid")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signalen" })).ToHaveCountAsync(0);
        await page.GotoAsync(world.Url("/nieuwkomers"));
        await Expect(page.GetByText("Niet Voor Beleid")).ToHaveCountAsync(0);
        await ConsoleWorld.ExpectAccessibleAsync(page);
    }
}
