using System.Runtime.CompilerServices;
using CsvHelper;
using Google.Protobuf;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Csv;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Csv;
using Newcomers.Opportunities.Storage;

namespace Newcomers.Opportunities.Api;

/// <summary>ExportOpportunities: the opportunities of the providers the caller manages as a CSV file, sent in pieces of about 64 KB.</summary>
public sealed partial class OpportunitiesApi
{
    private const int ExportChunkBytes = 64 * 1024;

    public override async Task ExportOpportunities(ExportOpportunitiesRequest request, IServerStreamWriter<CsvChunk> responseStream, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        var ct = context.CancellationToken;
        if (request.ProviderId.Length > 0)
        {
            new Violations().Id(request.ProviderId, "provider_id").ThrowIfAny();
            await RequireManagerAsync(caller, request.ProviderId, ct);
        }

        using var buffer = new MemoryStream();
        var rows = 0;
        await using (var csv = CsvWriter.Create(buffer, CsvFormat.Writing, leaveOpen: true))
        {
            csv.WriteHeader([.. OpportunityColumns.All]);
            await foreach (var providerId in ExportedProvidersAsync(request.ProviderId, caller, ct))
                await foreach (var opportunity in store.StreamAsync(OpportunityStore.Opportunities, new IndexEntry("provider", providerId), ct))
                {
                    csv.WriteRecord(OpportunityRecord.Write(opportunity));
                    if (++rows % 100 != 0) continue;
                    csv.Flush();
                    if (buffer.Length >= ExportChunkBytes) await SendAsync();
                }
            csv.Flush();
        }
        if (buffer.Length > 0) await SendAsync();

        async Task SendAsync()
        {
            await responseStream.WriteAsync(new CsvChunk { Data = ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length) }, ct);
            buffer.SetLength(0);
        }
    }

    /// <summary>The providers whose opportunities an export holds, in id order: the one asked for, or every one the caller manages.</summary>
    private async IAsyncEnumerable<string> ExportedProvidersAsync(string providerId, Caller caller, [EnumeratorCancellation] CancellationToken ct)
    {
        if (providerId.Length > 0)
        {
            yield return providerId;
            yield break;
        }
        if (caller.Role == Roles.Provider)
        {
            foreach (var own in caller.Providers.Order(StringComparer.Ordinal)) yield return own;
            yield break;
        }
        if (!caller.IsAdmin && caller.Platform.Length == 0) yield break;
        IndexEntry? platform = caller.IsAdmin ? null : new IndexEntry("platform", caller.Platform);
        await foreach (var provider in store.StreamAsync(OpportunityStore.Providers, platform, ct)) yield return provider.Id;
    }
}
