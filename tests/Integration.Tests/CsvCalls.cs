using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Csv;
using Newcomers.Profiles.Csv;

namespace Newcomers.Integration.Tests;

/// <summary>The CSV RPCs as a client calls them: a file streamed in pieces, an export gathered whole.</summary>
public static class CsvCalls
{
    /// <summary>Every response of the import of the file, sent in pieces of chunkSize bytes.</summary>
    public static Task<List<CsvImportProgress>> ImportAsync(ProfileService.ProfileServiceClient client, byte[] file, bool takeGoodRows = false,
        int chunkSize = 64 * 1024) => ImportAsync(() => client.ImportNewcomers(), file, takeGoodRows, chunkSize);

    public static Task<List<CsvImportProgress>> ImportAsync(ProfileService.ProfileServiceClient client, string text, bool takeGoodRows = false) =>
        ImportAsync(client, Encoding.UTF8.GetBytes(text), takeGoodRows);

    /// <summary>Every response of the opportunities' import of the file.</summary>
    public static Task<List<CsvImportProgress>> ImportAsync(OpportunityService.OpportunityServiceClient client, string text, bool takeGoodRows = false) =>
        ImportAsync(() => client.ImportOpportunities(), Encoding.UTF8.GetBytes(text), takeGoodRows, 64 * 1024);

    private static async Task<List<CsvImportProgress>> ImportAsync(Func<AsyncDuplexStreamingCall<CsvImportRequest, CsvImportProgress>> start, byte[] file,
        bool takeGoodRows, int chunkSize)
    {
        using var call = start();
        var reading = Task.Run(async () =>
        {
            var responses = new List<CsvImportProgress>();
            await foreach (var response in call.ResponseStream.ReadAllAsync()) responses.Add(response);
            return responses;
        });
        try
        {
            for (var offset = 0; offset == 0 || offset < file.Length; offset += chunkSize)
                await call.RequestStream.WriteAsync(new CsvImportRequest
                {
                    TakeGoodRows = takeGoodRows && offset == 0, Chunk = ByteString.CopyFrom(file, offset, Math.Min(chunkSize, file.Length - offset)),
                });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The service ended the call early (a denial, say): its status comes from the responses.
        }
        return await reading;
    }

    /// <summary>The exported file, its pieces joined.</summary>
    public static async Task<byte[]> ExportAsync(ProfileService.ProfileServiceClient client, string municipality = "")
    {
        using var call = client.ExportNewcomers(new ExportNewcomersRequest { MunicipalityCode = municipality });
        var file = new MemoryStream();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync()) chunk.Data.WriteTo(file);
        return file.ToArray();
    }

    /// <summary>The pieces of the opportunities' export, as they came.</summary>
    public static async Task<List<byte[]>> ExportChunksAsync(OpportunityService.OpportunityServiceClient client, string providerId = "")
    {
        using var call = client.ExportOpportunities(new ExportOpportunitiesRequest { ProviderId = providerId });
        var chunks = new List<byte[]>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync()) chunks.Add(chunk.Data.ToByteArray());
        return chunks;
    }

    /// <summary>The opportunities' export as text, without its byte order mark.</summary>
    public static async Task<string> ExportTextAsync(OpportunityService.OpportunityServiceClient client, string providerId = "") =>
        new UTF8Encoding(false).GetString([.. (await ExportChunksAsync(client, providerId)).SelectMany(c => c)]).TrimStart('\uFEFF');

    /// <summary>The exported file as text, without its byte order mark.</summary>
    public static async Task<string> ExportTextAsync(ProfileService.ProfileServiceClient client, string municipality = "") =>
        new UTF8Encoding(false).GetString(await ExportAsync(client, municipality)).TrimStart('\uFEFF');

    /// <summary>A file of the newcomers in every column, each field quoted, as a spreadsheet may write it.</summary>
    public static string File(params Newcomer[] newcomers) =>
        string.Join("\r\n", [string.Join(';', NewcomerColumns.All), .. newcomers.Select(n => string.Join(';', NewcomerRecord.Write(n).Select(Quoted)))]) + "\r\n";

    /// <summary>A file of the opportunities in every column, each field quoted.</summary>
    public static string File(params Opportunity[] opportunities) =>
        string.Join("\r\n", [string.Join(';', OpportunityColumns.All), .. opportunities.Select(o => string.Join(';', OpportunityRecord.Write(o).Select(Quoted)))]) + "\r\n";

    private static string Quoted(string field) => $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public static IEnumerable<CsvRowError> Errors(this IEnumerable<CsvImportProgress> responses) => responses.SelectMany(r => r.Errors);
}
