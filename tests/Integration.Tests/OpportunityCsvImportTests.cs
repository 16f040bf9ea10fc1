using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Csv;

namespace Newcomers.Integration.Tests;

/// <summary>Opportunities imported from CSV over real gRPC: the round trip, bad rows, take_good_rows, feed items and access.</summary>
public sealed class OpportunityCsvImportTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string Header = string.Join(';', OpportunityColumns.All);

    private async Task<Provider> ProviderAsync(string platform = "") =>
        await fixture.Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider(Build.Provider()) { PlatformId = platform } });

    /// <summary>The export's row of the opportunity, with some cells changed.</summary>
    private static string Row(Opportunity opportunity, params (string Column, string Cell)[] changes)
    {
        var cells = OpportunityRecord.Write(opportunity);
        foreach (var (column, cell) in changes) cells[OpportunityColumns.Map.IndexOf(column)] = cell;
        return string.Join(';', cells.Select(c => $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
    }

    private async Task<List<Opportunity>> ListAsync(string providerId) =>
        [.. (await fixture.Host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = providerId })).Opportunities];

    [Fact]
    public async Task Export_imported_into_an_empty_host_exports_the_same_file_and_feed_items_stay_feed_items()
    {
        var provider = await ProviderAsync();
        var placement = Build.Placement(provider.Id, capacity: 4);
        (placement.Description, placement.Postcode, placement.Sector) = ("Brood bakken; deeg \"kneden\"\nen verkopen", "3811", "voeding");
        placement.UsefulLanguages.Add("ar");
        (placement.StartDate, placement.EndDate) = (new Google.Type.Date { Year = 2027, Month = 3, Day = 1 }, new Google.Type.Date { Year = 2027, Month = 6, Day = 30 });
        await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = placement });
        var buddy = Build.Buddy(provider.Id);
        (buddy.Buddy.FamilyBuddy, buddy.Buddy.FamiliesOnly, buddy.Buddy.SharedLanguageOnly, buddy.Capacity) = (true, true, true, 3);
        await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = buddy });
        var fed = new Opportunity(Build.Placement("")) { ExternalId = "vacature/123.a", Status = OpportunityStatus.Closed, Title = "Uit de feed" };
        await Feeds.SendAsync(fixture.Host.Opportunities, provider.Id, SyncMode.Partial, [fed]);

        var exported = await CsvCalls.ExportTextAsync(fixture.Host.Opportunities, provider.Id);
        await using var empty = await RunningHost.StartAsync();
        await empty.Opportunities.CreateProviderAsync(new CreateProviderRequest { ProviderId = provider.Id, Provider = Build.Provider() });
        var imported = await CsvCalls.ImportAsync(empty.Opportunities, exported);
        var again = await CsvCalls.ExportTextAsync(empty.Opportunities, provider.Id);
        var resent = await Feeds.SendAsync(empty.Opportunities, provider.Id, SyncMode.Full, [fed]);

        Assert.Empty(imported.Errors());
        Assert.Equal((3, 3, true), (imported[^1].RowsRead, imported[^1].RowsWritten, imported[^1].Done));
        Assert.Equal(exported, again);
        Assert.Contains(";vacature/123.a;", exported, StringComparison.Ordinal);
        Assert.Equal((0, 0, 1, 0), (resent.Created, resent.Changed, resent.Unchanged, resent.Closed));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_by_row_column_and_a_Dutch_message_and_nothing_is_written()
    {
        var provider = await ProviderAsync();
        var good = Build.Placement(provider.Id);
        var file = string.Join("\r\n", Header, Row(good),
            Row(good, (OpportunityColumns.Kind, "baan"), (OpportunityColumns.Capacity, "veel")),
            Row(Build.Buddy(provider.Id), (OpportunityColumns.Capacity, "5"), (OpportunityColumns.StartDate, "1-3-2027")),
            Row(good, (OpportunityColumns.Provider, "no-such-provider")),
            Row(good, (OpportunityColumns.BuddyLanguages, "ar")));

        var responses = await CsvCalls.ImportAsync(fixture.Host.Opportunities, file);

        Assert.Equal<(int, string, string, string)>(
        [
            (3, "soort", ViolationReasons.InvalidChoice, "Kies een van de mogelijkheden."),
            (3, "plaatsen", ViolationReasons.OutOfRange, "Vul 1 tot 1000 plekken in. Een taalmaatje neemt 1 tot 3 nieuwkomers."),
            (4, "plaatsen", ViolationReasons.OutOfRange, "Vul 1 tot 1000 plekken in. Een taalmaatje neemt 1 tot 3 nieuwkomers."),
            (4, "startdatum", ViolationReasons.InvalidDate, "Vul een geldige datum in."),
            (5, "aanbieder", ViolationReasons.UnknownProvider, "Deze aanbieder bestaat niet. Gebruik het id van een aanbieder, zoals in de export."),
            (6, "maatje_talen", ViolationReasons.NotAllowed, "Vul de kolommen van het taalmaatje alleen in bij soort taalmaatje."),
        ], responses.Errors().Select(e => (e.Row, e.Column, e.Reason, e.Message)));
        Assert.Equal((5, 0, true), (responses[^1].RowsRead, responses[^1].RowsWritten, responses[^1].Done));
        Assert.Empty(await ListAsync(provider.Id));
    }

    [Fact]
    public async Task Take_good_rows_writes_only_the_good_ones_and_ids_and_external_ids_stay_unique()
    {
        var provider = await ProviderAsync();
        await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { OpportunityId = "csv-opp-taken", Opportunity = Build.Placement(provider.Id) });
        await Feeds.SendAsync(fixture.Host.Opportunities, provider.Id, SyncMode.Partial, [new Opportunity(Build.Placement("")) { ExternalId = "fed-1" }]);
        var good = Build.Placement(provider.Id);
        var file = string.Join("\n", Header,
            Row(good, (OpportunityColumns.Id, "csv-opp-taken")),
            Row(good, (OpportunityColumns.ExternalId, "fed-1")),
            Row(good, (OpportunityColumns.ExternalId, "new-1"), (OpportunityColumns.Title, "Eerste")),
            Row(good, (OpportunityColumns.ExternalId, "new-1")),
            Row(good, (OpportunityColumns.ExternalId, "met spatie")),
            Row(good, (OpportunityColumns.Title, "Tweede")));

        var responses = await CsvCalls.ImportAsync(fixture.Host.Opportunities, file, takeGoodRows: true);

        Assert.Equal([(2, "id", ViolationReasons.Duplicate), (3, "extern_id", ViolationReasons.Duplicate), (5, "extern_id", ViolationReasons.Duplicate),
            (6, "extern_id", ViolationReasons.InvalidId)], responses.Errors().Select(e => (e.Row, e.Column, e.Reason)));
        Assert.Equal(2, responses[^1].RowsWritten);
        var written = (await ListAsync(provider.Id)).Where(o => o.Title is "Eerste" or "Tweede").OrderBy(o => o.Title).ToList();
        Assert.Equal([("Eerste", "new-1", OpportunityStatus.Open), ("Tweede", "", OpportunityStatus.Open)], written.Select(o => (o.Title, o.ExternalId, o.Status)));
        var closing = await Feeds.SendAsync(fixture.Host.Opportunities, provider.Id, SyncMode.Full, [new Opportunity(Build.Placement("")) { ExternalId = "fed-1" }]);
        Assert.Equal(1, closing.Closed); // the imported feed item new-1, missing from this full feed
    }

    [Fact]
    public async Task Providers_import_for_their_own_platforms_for_those_they_represent_and_others_are_refused()
    {
        var own = await ProviderAsync();
        var represented = await ProviderAsync(platform: "platform-csv-import");
        var other = await ProviderAsync();
        using var provider = fixture.Host.As(Roles.Provider, providers: [own.Id]);
        using var platform = fixture.Host.As(Roles.Platform, platform: "platform-csv-import");
        using var caseworker = fixture.Host.As(Roles.Caseworker, municipalities: ["GM0342"]);

        var mine = await CsvCalls.ImportAsync(provider.Opportunities, string.Join("\n", Header, Row(Build.Placement(own.Id))));
        var theirs = await CsvCalls.ImportAsync(platform.Opportunities, string.Join("\n", Header, Row(Build.Placement(represented.Id))));
        var denied = await Expect.Status(StatusCode.PermissionDenied,
            () => CsvCalls.ImportAsync(provider.Opportunities, string.Join("\n", Header, Row(Build.Placement(own.Id)), Row(Build.Placement(other.Id)))));
        await Expect.Status(StatusCode.PermissionDenied, () => CsvCalls.ImportAsync(caseworker.Opportunities, string.Join("\n", Header, Row(Build.Placement(own.Id)))));

        Assert.Equal((1, 1), (mine[^1].RowsWritten, theirs[^1].RowsWritten));
        Assert.Contains("row 3", denied.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await ListAsync(own.Id));
        Assert.Empty(await ListAsync(other.Id));
    }
}
