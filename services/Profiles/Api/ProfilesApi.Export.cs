using CsvHelper;
using Google.Protobuf;
using Grpc.Core;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Csv;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Csv;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Api;

/// <summary>ExportNewcomers: the caseload as a CSV file, sent in pieces of about 64 KB, audited a chunk of newcomers at a time.</summary>
public sealed partial class ProfilesApi
{
    private const int ExportChunkBytes = 64 * 1024, AuditEvery = 500;

    public override async Task ExportNewcomers(ExportNewcomersRequest request, IServerStreamWriter<CsvChunk> responseStream, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        var ct = context.CancellationToken;
        if (request.MunicipalityCode.Length > 0) new Violations().Municipality(request.MunicipalityCode, "municipality_code").ThrowIfAny();
        if (request.MunicipalityCode.Length > 0 && !caller.CoversMunicipality(request.MunicipalityCode)) throw Caller.Denied("not a municipality of yours");
        IEnumerable<string?> municipalities = request.MunicipalityCode.Length > 0 ? [request.MunicipalityCode]
            : caller.IsAdmin ? [null] : caller.Municipalities.Order(StringComparer.Ordinal);

        using var buffer = new MemoryStream();
        var pending = new List<string>(AuditEvery);
        await using (var csv = CsvWriter.Create(buffer, CsvFormat.Writing, leaveOpen: true))
        {
            csv.WriteHeader([.. NewcomerColumns.All]);
            foreach (var municipality in municipalities)
            {
                var index = municipality is null ? (IndexEntry?)null : new IndexEntry("municipality", municipality);
                await foreach (var newcomer in store.StreamAsync(ProfileStore.Newcomers, index, ct))
                {
                    csv.WriteRecord(NewcomerRecord.Write(newcomer));
                    pending.Add(newcomer.Id);
                    if (pending.Count == AuditEvery) await SendAsync(csv, last: false);
                }
            }
            await SendAsync(csv, last: false);
        }
        await SendAsync(null, last: true);

        // Audited before the rows leave: one commit of entries for every chunk of newcomers.
        async Task SendAsync(CsvWriter? csv, bool last)
        {
            csv?.Flush();
            await audit.ReadNewcomersAsync(caller, "ExportNewcomers", pending, Purposes.CaseManagement, ct);
            pending.Clear();
            if (buffer.Length < (last ? 1 : ExportChunkBytes)) return;
            await responseStream.WriteAsync(new CsvChunk { Data = ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length) }, ct);
            buffer.SetLength(0);
        }
    }
}
