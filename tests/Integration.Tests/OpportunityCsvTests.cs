using System.Text;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Csv;

namespace Newcomers.Integration.Tests;

/// <summary>Opportunities exported to CSV over real gRPC: every column, who may export which provider, and a large file in pieces.</summary>
public sealed class OpportunityCsvTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<Provider> ProviderAsync(string platform = "") =>
        await fixture.Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider(Build.Provider()) { PlatformId = platform } });

    private async Task<Opportunity> CreateAsync(Opportunity opportunity) =>
        await fixture.Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = opportunity });

    private static string[] Lines(string text) => text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Export_writes_every_column_in_Dutch_words_with_decimal_commas_and_quoted_lists()
    {
        var provider = await ProviderAsync();
        var placement = Build.Placement(provider.Id, capacity: 3);
        (placement.Description, placement.Postcode) = ("Brood bakken; deeg \"kneden\"", "3811");
        placement.UsefulLanguages.Add("ar");
        (placement.StartDate, placement.EndDate) = (new Google.Type.Date { Year = 2027, Month = 3, Day = 1 }, new Google.Type.Date { Year = 2027, Month = 6, Day = 30 });
        var created = await CreateAsync(placement);
        var buddy = await CreateAsync(Build.Buddy(provider.Id));

        var lines = Lines(await CsvCalls.ExportTextAsync(fixture.Host.Opportunities, provider.Id));

        Assert.Equal(string.Join(';', OpportunityColumns.All), lines[0]);
        var rows = new[] { created, buddy }.OrderBy(o => o.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            $"{created.Id};{provider.Id};;werkplek;Taalstage bakkerij;\"Brood bakken; deeg \"\"kneden\"\"\";7512;voeding;A2;deeg bereiden;ar;52,18;5,3;3811;GM0342;3;16;" +
            "\"ma-ochtend;di-ochtend\";2027-03-01;2027-06-30;ja;ja;open;;;;;;",
            lines[1 + rows.IndexOf(created)]);
        Assert.Equal(
            $"{buddy.Id};{provider.Id};;taalmaatje;Taalmaatje gezocht;;;;A0;;;52,165;5,28;;GM0342;1;2;wo-middag;;;nee;nee;open;\"ar;en\";koken;nee;vrouw;nee;nee",
            lines[1 + rows.IndexOf(buddy)]);
    }

    [Fact]
    public async Task A_provider_exports_its_own_a_platform_those_it_represents_and_an_admin_all()
    {
        var represented = await ProviderAsync(platform: "platform-csv");
        var other = await ProviderAsync();
        var ours = await CreateAsync(Build.Placement(represented.Id));
        var theirs = await CreateAsync(Build.Placement(other.Id));

        var byProvider = await CsvCalls.ExportTextAsync(fixture.Host.As(Roles.Provider, providers: [represented.Id]).Opportunities);
        var byPlatform = await CsvCalls.ExportTextAsync(fixture.Host.As(Roles.Platform, platform: "platform-csv").Opportunities);
        var byAdmin = await CsvCalls.ExportTextAsync(fixture.Host.Opportunities);
        var denied = await Assert.ThrowsAsync<RpcException>(() => CsvCalls.ExportChunksAsync(fixture.Host.As(Roles.Provider, providers: [represented.Id]).Opportunities, other.Id));
        var missing = await Assert.ThrowsAsync<RpcException>(() => CsvCalls.ExportChunksAsync(fixture.Host.Opportunities, "no-such-provider"));

        Assert.Equal([ours.Id], Lines(byProvider).Skip(1).Select(l => l.Split(';')[0]));
        Assert.Equal([ours.Id], Lines(byPlatform).Skip(1).Select(l => l.Split(';')[0]));
        Assert.Contains(ours.Id, byAdmin, StringComparison.Ordinal);
        Assert.Contains(theirs.Id, byAdmin, StringComparison.Ordinal);
        Assert.Equal((StatusCode.PermissionDenied, StatusCode.NotFound), (denied.StatusCode, missing.StatusCode));
    }

    [Fact]
    public async Task A_large_export_comes_in_pieces_that_join_to_whole_rows()
    {
        var provider = await ProviderAsync();
        for (var batch = 0; batch < 3; batch++)
            await fixture.Host.Opportunities.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest
            {
                Requests = { Enumerable.Range(0, 1000).Select(_ => new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) }) },
            });

        var chunks = await CsvCalls.ExportChunksAsync(fixture.Host.Opportunities, provider.Id);
        var text = new UTF8Encoding(false).GetString([.. chunks.SelectMany(c => c)]);

        Assert.True(chunks.Count > 3, $"{chunks.Count} pieces");
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 80 * 1024));
        Assert.Equal([0xEF, 0xBB, 0xBF], chunks[0][..3]);
        Assert.Equal(3001, Lines(text).Length);
        Assert.All(Lines(text).Skip(1), l => Assert.EndsWith(";open;;;;;;", l, StringComparison.Ordinal));
    }
}
