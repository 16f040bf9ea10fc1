using System.Diagnostics;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Csv;

namespace Newcomers.Benchmarks;

/// <summary>
/// The bulk RPCs against what a partner would otherwise call, with the dense region's records: its
/// 50,000 opportunities as one provider's full feed through SyncOpportunities (chunks of 1000),
/// then the same feed again, against BatchCreateOpportunities of the same 50,000 (batches of 500);
/// its 10,000 newcomers as one CSV file through ImportNewcomers (pieces of 256 KB), against
/// CreateNewcomer for each, 16 calls at a time. Each side runs on a fresh store of its own, in the
/// same order (opportunities, then newcomers), as an admin.
/// </summary>
public static class BulkFeeds
{
    private const string Provider = "bench-platform-feed";

    public static async Task<BulkFigures> RunAsync(IReadOnlyList<Opportunity> opportunities, IReadOnlyList<Newcomer> newcomers)
    {
        var owned = opportunities.Select(o => new Opportunity(o) { ProviderId = Provider }).ToList();
        var feed = opportunities.Select(o => new Opportunity(o) { Id = "", ProviderId = "", ExternalId = o.Id }).ToList();
        var file = Csv(newcomers);
        var token = LocalTokens.Mint(HostProcess.Auth, "benchmark", Roles.Admin);

        double batchCreate, creates, firstSync, resync, import;
        var data = Directory.CreateTempSubdirectory("bench-one-by-one-").FullName;
        await using (var host = await HostProcess.StartAsync(data))
        {
            using var channel = BearerChannel.For(host.GrpcAddress, token);
            var client = new OpportunityService.OpportunityServiceClient(channel);
            await ApiLoad.ProviderAsync(client, Provider, opportunities[0].MunicipalityCode);
            batchCreate = await ApiLoad.BatchCreateAsync(client, owned);
            creates = await ApiLoad.CreateNewcomersAsync(new ProfileService.ProfileServiceClient(channel), newcomers);
        }
        Directory.Delete(data, recursive: true);

        data = Directory.CreateTempSubdirectory("bench-bulk-").FullName;
        await using (var host = await HostProcess.StartAsync(data))
        {
            using var channel = BearerChannel.For(host.GrpcAddress, token);
            var client = new OpportunityService.OpportunityServiceClient(channel);
            await ApiLoad.ProviderAsync(client, Provider, opportunities[0].MunicipalityCode);
            var clock = Stopwatch.StartNew();
            var first = await SyncAsync(client, feed);
            firstSync = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var again = await SyncAsync(client, feed);
            resync = clock.Elapsed.TotalSeconds;
            if (first.Created != feed.Count || first.Rejected != 0) throw new InvalidOperationException($"the first feed created {first.Created} and rejected {first.Rejected}");
            if (again.Unchanged != feed.Count) throw new InvalidOperationException($"the feed sent again left {again.Unchanged} unchanged, not {feed.Count}");
            clock.Restart();
            var done = await ImportAsync(new ProfileService.ProfileServiceClient(channel), file);
            import = clock.Elapsed.TotalSeconds;
            if (done.RowsWritten != newcomers.Count) throw new InvalidOperationException($"the import wrote {done.RowsWritten} of {newcomers.Count} rows");
        }
        Directory.Delete(data, recursive: true);
        return new BulkFigures(batchCreate, firstSync, resync, creates, import, file.Length);
    }

    /// <summary>A full feed: the header, then chunks of 1000 items.</summary>
    private static async Task<SyncOpportunitiesResponse> SyncAsync(OpportunityService.OpportunityServiceClient client, IReadOnlyList<Opportunity> feed)
    {
        using var call = client.SyncOpportunities();
        await call.RequestStream.WriteAsync(new SyncOpportunitiesRequest { Header = new SyncHeader { ProviderId = Provider, Mode = SyncMode.Full } });
        foreach (var chunk in feed.Chunk(1000)) await call.RequestStream.WriteAsync(new SyncOpportunitiesRequest { Chunk = new SyncChunk { Items = { chunk } } });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>The file streamed in pieces of 256 KB while the progress is read; the last response (done).</summary>
    private static async Task<CsvImportProgress> ImportAsync(ProfileService.ProfileServiceClient client, byte[] file)
    {
        const int piece = 256 * 1024;
        using var call = client.ImportNewcomers();
        var reading = Task.Run(async () =>
        {
            var (last, errors) = ((CsvImportProgress?)null, 0);
            await foreach (var response in call.ResponseStream.ReadAllAsync()) (last, errors) = (response, errors + response.Errors.Count);
            return errors == 0 && last is not null ? last : throw new InvalidOperationException($"the import reported {errors} bad rows");
        });
        for (var offset = 0; offset < file.Length; offset += piece)
            await call.RequestStream.WriteAsync(new CsvImportRequest { Chunk = ByteString.CopyFrom(file, offset, Math.Min(piece, file.Length - offset)) });
        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    /// <summary>The newcomers as the export writes them: every column, `;` between fields, quoted where a field needs it.</summary>
    private static byte[] Csv(IEnumerable<Newcomer> newcomers)
    {
        var text = new StringBuilder().Append(string.Join(';', NewcomerColumns.All)).Append("\r\n");
        foreach (var n in newcomers) text.Append(string.Join(';', NewcomerRecord.Write(n).Select(Quoted))).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quoted(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
