using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Xunit.Abstractions;

namespace Newcomers.Integration.Tests;

/// <summary>Newcomers imported from and exported to CSV over real gRPC: the round trip, bad rows, take_good_rows, access and a large file.</summary>
public sealed class CsvImportTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private const string Header = "id;gemeentecode;klantmanager;naam;breedtegraad;lengtegraad;nederlands;talen;leerroute;pip_doelen;uren_per_week;dagdelen;max_reisafstand_km;vervoer";

    private static string Row(string municipality, string id = "", string name = "Amina K.", string dutch = "A2", string languages = "ar:C2;en:B1",
        string dayParts = "ma-ochtend;di-middag", string km = "10") =>
        $"{id};{municipality};km-1;{name};52,173;5,291;{dutch};\"{languages}\";B1;werk;24;\"{dayParts}\";{km};fiets";

    private static Newcomer In(string municipality)
    {
        var newcomer = Build.Newcomer();
        newcomer.MunicipalityCode = municipality;
        return newcomer;
    }

    private async Task<List<Newcomer>> ListAsync(string municipality) =>
        [.. (await fixture.Host.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = municipality })).Newcomers];

    [Fact]
    public async Task Export_imported_into_an_empty_host_exports_the_same_file()
    {
        var household = Build.Newcomer();
        (household.MunicipalityCode, household.HouseholdId, household.CaseworkerContact, household.Postcode) = ("GM0310", "fam-k", "km@soest.nl", "3762");
        household.BuddyPreferences = new BuddyPreferences { BuddyGender = Gender.Female, FamilyBuddy = true, Interests = { "koken" } };
        household.InburgeringStart = new Google.Type.Date { Year = 2024, Month = 3, Day = 1 };
        var quoted = Build.Newcomer();
        (quoted.MunicipalityCode, quoted.DisplayName, quoted.MapHoursDone, quoted.Status) = ("GM0310", "K., \"Amina\"; jr", 12.5, NewcomerStatus.Paused);
        quoted.Languages.Add(new LanguageSkill { Language = "prs", Level = CefrLevel.A0 });
        foreach (var n in new[] { household, quoted, In("GM0310") }) await fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = n });

        var exported = await CsvCalls.ExportAsync(fixture.Host.Profiles, "GM0310");
        await using var empty = await RunningHost.StartAsync();
        var imported = await CsvCalls.ImportAsync(empty.Profiles, exported);
        var again = await CsvCalls.ExportAsync(empty.Profiles, "GM0310");

        Assert.Equal((3, 3, true), (imported[^1].RowsRead, imported[^1].RowsWritten, imported[^1].Done));
        Assert.Empty(imported.Errors());
        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(again));
        Assert.Equal([0xEF, 0xBB, 0xBF], exported[..3]);
        Assert.Contains("\"K., \"\"Amina\"\"; jr\"", Encoding.UTF8.GetString(exported), StringComparison.Ordinal);
        Assert.Contains(";12,5;", Encoding.UTF8.GetString(exported), StringComparison.Ordinal);
        Assert.Contains(";start_inburgering\r\n", Encoding.UTF8.GetString(exported), StringComparison.Ordinal);
        Assert.Contains(";2024-03-01\r\n", Encoding.UTF8.GetString(exported), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_by_row_column_and_a_Dutch_message_and_nothing_is_written()
    {
        var file = string.Join("\n", Header, Row("GM0311"), Row("GM0311", dutch: "D1"), Row("GM0311", languages: "Arabisch:C2", dayParts: "", km: "ver"), Row("GM0311"));

        var responses = await CsvCalls.ImportAsync(fixture.Host.Profiles, file);

        var errors = responses.Errors().Select(e => (e.Row, e.Column, e.Reason, e.Message)).ToList();
        Assert.Equal<(int, string, string, string)>(
        [
            (3, "nederlands", ViolationReasons.InvalidChoice, "Kies een van de mogelijkheden."),
            (4, "talen", ViolationReasons.InvalidLanguageCode, "Vul een taalcode in kleine letters in, zoals ar of prs."),
            (4, "dagdelen", ViolationReasons.Required, "Vul dit in."),
            (4, "max_reisafstand_km", ViolationReasons.OutOfRange, "Dit getal is te groot of te klein."),
        ], errors);
        Assert.Equal((4, 0, true), (responses[^1].RowsRead, responses[^1].RowsWritten, responses[^1].Done));
        Assert.Empty(await ListAsync("GM0311"));
    }

    [Fact]
    public async Task Take_good_rows_writes_the_good_rows_whole_and_never_part_of_a_bad_one()
    {
        var file = string.Join("\r\n", Header, Row("GM0312", id: "csv-good-1", name: "Noor"), Row("GM0312", id: "csv-half-1", km: "500"), Row("GM0312", id: "csv-good-2", name: "Samir"));

        var responses = await CsvCalls.ImportAsync(fixture.Host.Profiles, file, takeGoodRows: true);

        Assert.Equal([(3, "max_reisafstand_km")], responses.Errors().Select(e => (e.Row, e.Column)));
        Assert.Equal(2, responses[^1].RowsWritten);
        var written = await ListAsync("GM0312");
        Assert.Equal(["Noor", "Samir"], written.Select(n => n.DisplayName));
        var noor = written[0];
        Assert.Equal(("csv-good-1", CefrLevel.A2, 2, 2, NewcomerStatus.Active), (noor.Id, noor.DutchLevel, noor.Languages.Count, noor.Availability.DayParts.Count, noor.Status));
        await Expect.Status(StatusCode.NotFound, () => fixture.Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = "csv-half-1" }).ResponseAsync);
    }

    [Fact]
    public async Task A_taken_id_a_repeated_id_and_a_missing_column_are_reported()
    {
        await fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = In("GM0313"), NewcomerId = "csv-taken" });
        var file = string.Join("\n", Header, Row("GM0313", id: "csv-taken"), Row("GM0313", id: "csv-twice"), Row("GM0313", id: "csv-twice"));

        var responses = await CsvCalls.ImportAsync(fixture.Host.Profiles, file, takeGoodRows: true);
        var missing = await CsvCalls.ImportAsync(fixture.Host.Profiles, "gemeentecode,naam\nGM0313,Amina\n");

        Assert.Equal([(2, "id", ViolationReasons.Duplicate), (4, "id", ViolationReasons.Duplicate)], responses.Errors().Select(e => (e.Row, e.Column, e.Reason)));
        Assert.Equal(1, responses[^1].RowsWritten);
        Assert.Contains(missing.Errors(), e => (e.Row, e.Column, e.Message) == (1, "gemeentecode", "De kolom gemeentecode ontbreekt in de kopregel."));
        Assert.Contains(missing.Errors(), e => e.Row == 1 && e.Message.Contains("puntkomma", StringComparison.Ordinal));
        Assert.Equal(0, missing[^1].RowsWritten);
    }

    [Fact]
    public async Task A_caseworker_imports_and_exports_only_their_own_municipalities()
    {
        await fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = In("GM0314") });
        await fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = In("GM0315") });
        using var caseworker = fixture.Host.As(Roles.Caseworker, municipalities: ["GM0314"]);
        using var provider = fixture.Host.As(Roles.Provider, providers: ["p-1"]);

        var denied = await Expect.Status(StatusCode.PermissionDenied, () => CsvCalls.ImportAsync(caseworker.Profiles, string.Join("\n", Header, Row("GM0314"), Row("GM0315"))));
        await Expect.Status(StatusCode.PermissionDenied, () => CsvCalls.ExportAsync(caseworker.Profiles, "GM0315"));
        await Expect.Status(StatusCode.PermissionDenied, () => CsvCalls.ExportAsync(provider.Profiles));
        await Expect.Status(StatusCode.PermissionDenied, () => CsvCalls.ImportAsync(provider.Profiles, string.Join("\n", Header, Row("GM0314"))));
        var own = (await CsvCalls.ExportTextAsync(caseworker.Profiles)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("row 3", denied.Status.Detail, StringComparison.Ordinal);
        Assert.Single(await ListAsync("GM0314"));
        Assert.Equal(2, own.Length);
        Assert.Contains(";GM0314;", own[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_several_megabytes_streams_in_pieces_with_progress_on_the_way()
    {
        var contact = new string('x', 150);
        var file = new StringBuilder("gemeentecode;klantmanager;naam;contact_klantmanager;breedtegraad;lengtegraad;nederlands;leerroute;pip_doelen;uren_per_week;dagdelen;max_reisafstand_km;vervoer\n");
        for (var i = 0; i < 12_000; i++) file.Append(CultureInfo.InvariantCulture, $"GM0316;km-{i % 7};Nieuwkomer {i};{contact};52,{i % 1000:000};5,291;B1;B1;werk;24;ma-ochtend;10;fiets\n");
        var bytes = Encoding.UTF8.GetBytes(file.ToString());

        var clock = Stopwatch.StartNew();
        var responses = await CsvCalls.ImportAsync(fixture.Host.Profiles, bytes, chunkSize: 256 * 1024);
        output.WriteLine($"{bytes.Length / 1e6:F1} MB, 12,000 rows imported in {clock.ElapsedMilliseconds} ms");

        Assert.True(bytes.Length > 2_000_000);
        Assert.Empty(responses.Errors());
        Assert.True(responses.Count(r => !r.Done) >= 10, $"{responses.Count} responses");
        Assert.Equal(responses.Select(r => r.RowsRead).Order(), responses.Select(r => r.RowsRead));
        Assert.Equal((12_000, 12_000), (responses[^1].RowsRead, responses[^1].RowsWritten));
        var exported = (await CsvCalls.ExportTextAsync(fixture.Host.Profiles, "GM0316")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12_001, exported.Length);
    }
}
