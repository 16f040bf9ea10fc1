using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Storage;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The history the monitoring figures need: each newcomer's changes of status and Dutch level,
/// written with the change by every writer, read oldest first, exported, and erased with the newcomer.
/// </summary>
public sealed class NewcomerHistoryTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly Google.Type.Date March2024 = new() { Year = 2024, Month = 3, Day = 1 };

    /// <summary>An entry as "v2 Status: Active -> Paused": the version it was made at, what changed, from and to.</summary>
    private static string Of(NewcomerHistoryEntry e) => e.Field == NewcomerHistoryField.Status
        ? $"v{e.NewcomerVersion} Status: {e.FromStatus} -> {e.ToStatus}"
        : $"v{e.NewcomerVersion} {e.Field}: {e.FromDutchLevel} -> {e.ToDutchLevel}";

    private static async Task<List<NewcomerHistoryEntry>> HistoryAsync(ProfileService.ProfileServiceClient client, string newcomerId) =>
        [.. (await client.ListNewcomerHistoryAsync(new ListNewcomerHistoryRequest { NewcomerId = newcomerId })).Entries];

    private static Task<Newcomer> UpdateAsync(ProfileService.ProfileServiceClient client, Newcomer change, params string[] paths) =>
        client.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = change, UpdateMask = new FieldMask { Paths = { paths } } }).ResponseAsync;

    [Fact]
    public async Task A_create_records_the_first_status_and_level_and_each_update_what_it_changed_from_and_to()
    {
        using var caseworker = fixture.Host.As(Roles.Caseworker, municipalities: ["GM0342"]);
        var details = Build.Newcomer();
        details.InburgeringStart = March2024;
        var created = await caseworker.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = details });
        Assert.Equal(March2024, created.InburgeringStart);

        var first = await HistoryAsync(caseworker.Profiles, created.Id);
        Assert.Equal(["v1 Status: Unspecified -> Active", "v1 DutchLevel: Unspecified -> A2"], first.Select(Of));
        Assert.All(first, e => Assert.Equal((created.Id, created.CreateTime), (e.NewcomerId, e.ChangeTime)));

        var both = await UpdateAsync(caseworker.Profiles, new Newcomer(created) { Status = NewcomerStatus.Paused, DutchLevel = CefrLevel.B1 }, "status", "dutch_level");
        var level = await UpdateAsync(caseworker.Profiles, new Newcomer(both) { DutchLevel = CefrLevel.B2, InburgeringStart = null }, "dutch_level", "inburgering_start");
        var status = await UpdateAsync(caseworker.Profiles, new Newcomer(level) { Status = NewcomerStatus.Closed }, "status");

        var history = await HistoryAsync(caseworker.Profiles, created.Id);
        Assert.Equal(["v1 Status: Unspecified -> Active", "v1 DutchLevel: Unspecified -> A2", "v2 Status: Active -> Paused", "v2 DutchLevel: A2 -> B1",
            "v3 DutchLevel: B1 -> B2", "v4 Status: Paused -> Closed"], history.Select(Of));
        Assert.Equal(new[] { created.CreateTime, created.CreateTime, both.UpdateTime, both.UpdateTime, level.UpdateTime, status.UpdateTime }, history.Select(e => e.ChangeTime));
        Assert.Null(level.InburgeringStart);
        Assert.Equal(status, await caseworker.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = created.Id }));
    }

    [Fact]
    public async Task Changes_of_neither_status_nor_level_add_no_entry()
    {
        var host = fixture.Host;
        var created = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });

        var renamed = await UpdateAsync(host.Profiles, new Newcomer(created) { DisplayName = "Amina Karimi", InburgeringStart = March2024 }, "display_name", "inburgering_start");
        var same = await UpdateAsync(host.Profiles, new Newcomer(renamed) { Status = NewcomerStatus.Active, DutchLevel = CefrLevel.A2 }, "status", "dutch_level");
        await host.Profiles.UpdateConsentAsync(new UpdateConsentRequest { Id = created.Id, Consent = new Consent { Matching = true, FairnessAudit = true } });
        await host.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest { Attributes = new ProtectedAttributes { NewcomerId = created.Id, BirthYear = 1990 } });

        Assert.Equal((3L, March2024), (same.Version, same.InburgeringStart));
        Assert.Equal(5, (await host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = created.Id })).Version);
        Assert.Equal(["v1 Status: Unspecified -> Active", "v1 DutchLevel: Unspecified -> A2"], (await HistoryAsync(host.Profiles, created.Id)).Select(Of));
    }

    [Fact]
    public async Task An_import_records_the_first_status_and_level_of_every_newcomer_it_writes()
    {
        var file = string.Join("\n",
            "id;gemeentecode;klantmanager;naam;breedtegraad;lengtegraad;nederlands;leerroute;pip_doelen;uren_per_week;dagdelen;max_reisafstand_km;vervoer;status;start_inburgering",
            "hist-imp-1;GM0342;km-1;Amina K.;52,173;5,291;A1;B1;werk;24;ma-ochtend;10;fiets;gepauzeerd;2023-09-15",
            "hist-imp-2;GM0342;km-1;Omar S.;52,173;5,291;B1;B1;werk;24;ma-ochtend;10;fiets;;");

        var responses = await CsvCalls.ImportAsync(fixture.Host.Profiles, file);

        Assert.Empty(responses.Errors());
        Assert.Equal(new Google.Type.Date { Year = 2023, Month = 9, Day = 15 }, (await fixture.Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = "hist-imp-1" })).InburgeringStart);
        Assert.Null((await fixture.Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = "hist-imp-2" })).InburgeringStart);
        Assert.Equal(["v1 Status: Unspecified -> Paused", "v1 DutchLevel: Unspecified -> A1"], (await HistoryAsync(fixture.Host.Profiles, "hist-imp-1")).Select(Of));
        Assert.Equal(["v1 Status: Unspecified -> Active", "v1 DutchLevel: Unspecified -> B1"], (await HistoryAsync(fixture.Host.Profiles, "hist-imp-2")).Select(Of));
    }

    [Fact]
    public async Task The_history_comes_in_pages_oldest_first_and_its_read_is_audited()
    {
        var host = fixture.Host;
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        foreach (var level in new[] { CefrLevel.B1, CefrLevel.B2, CefrLevel.C1 })
            newcomer = await UpdateAsync(host.Profiles, new Newcomer(newcomer) { DutchLevel = level }, "dutch_level");
        using var coordinator = host.As(Roles.Coordinator, municipalities: ["GM0342"]);

        var levels = new List<CefrLevel>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await coordinator.Profiles.ListNewcomerHistoryAsync(new ListNewcomerHistoryRequest { NewcomerId = newcomer.Id, PageSize = 2, PageToken = token });
            levels.AddRange(page.Entries.Select(e => e.ToDutchLevel));
            (token, pages) = (page.NextPageToken, pages + 1);
        } while (token.Length > 0 && pages < 10);

        Assert.Equal(new[] { CefrLevel.Unspecified, CefrLevel.A2, CefrLevel.B1, CefrLevel.B2, CefrLevel.C1 }, levels);
        Assert.Equal(3, pages);
        var other = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var second = await coordinator.Profiles.ListNewcomerHistoryAsync(new ListNewcomerHistoryRequest { NewcomerId = newcomer.Id, PageSize = 2 });
        await Expect.InvalidField("page_token", ViolationReasons.InvalidPageToken,
            () => coordinator.Profiles.ListNewcomerHistoryAsync(new ListNewcomerHistoryRequest { NewcomerId = other.Id, PageToken = second.NextPageToken }).ResponseAsync);

        var audit = new AuditService.AuditServiceClient(host.Channel);
        var entries = (await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{newcomer.Id}", PageSize = 1000 })).Entries;
        Assert.Equal(4, entries.Count(e => (e.Action, e.Actor, e.Role, e.Purpose) == ("ListNewcomerHistory", "test-coordinator", "coordinator", "case management")));
    }

    [Fact]
    public async Task The_export_holds_the_history_and_the_erasure_removes_it_from_the_store_and_its_files()
    {
        var data = RunningHost.NewDataDirectory();
        await using var host = await RunningHost.StartAsync(data);
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        newcomer = await UpdateAsync(host.Profiles, new Newcomer(newcomer) { Status = NewcomerStatus.Paused }, "status");

        var export = await host.Profiles.ExportNewcomerAsync(new ExportNewcomerRequest { Id = newcomer.Id });
        Assert.Equal(await HistoryAsync(host.Profiles, newcomer.Id), export.History);
        Assert.Equal(["v1 Status: Unspecified -> Active", "v1 DutchLevel: Unspecified -> A2", "v2 Status: Active -> Paused"], export.History.Select(Of));
        var store = host.Services.GetRequiredService<ProfileStore>();
        Assert.Equal(3, await store.StreamAsync(NewcomerHistory.Entries, NewcomerHistory.Of(newcomer.Id)).CountAsync());

        await host.Profiles.EraseNewcomerAsync(new EraseNewcomerRequest { Id = newcomer.Id });

        await Expect.Status(StatusCode.NotFound, () => host.Profiles.ListNewcomerHistoryAsync(new ListNewcomerHistoryRequest { NewcomerId = newcomer.Id }).ResponseAsync);
        Assert.Equal(0, await store.StreamAsync(NewcomerHistory.Entries, NewcomerHistory.Of(newcomer.Id)).CountAsync());
        Assert.Equal(0, await store.StreamAsync(NewcomerHistory.Entries).CountAsync());
        var files = Directory.GetFiles(data).Where(f => Path.GetFileName(f).StartsWith("profiles.db", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files) Assert.False(Holds(file, newcomer.Id), $"{Path.GetFileName(file)} still holds the newcomer's id");
    }

    private static bool Holds(string file, string secret)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0;
    }
}
