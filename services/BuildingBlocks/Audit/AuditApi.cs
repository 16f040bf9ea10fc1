using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Audit;

/// <summary>The audit log, for admins: newest first, by record or by actor.</summary>
public sealed class AuditApi(AuditTrail trail, Pages pages) : AuditService.AuditServiceBase
{
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin);
        var query = $"ListAuditEntries\n{request.Record}\n{request.Actor}";
        new Violations().PageSize(request.PageSize).Text(request.Record, "record", 200).Text(request.Actor, "actor", 200)
            .PageToken(pages.TryRead(request.PageToken, caller, query, out var after)).ThrowIfAny();
        await trail.FlushAsync(context.CancellationToken);
        IndexEntry? index = request.Record.Length > 0 ? new("record", request.Record) : request.Actor.Length > 0 ? new("actor", request.Actor) : null;
        var (items, last) = await trail.ListAsync(index, Pages.Size(request.PageSize), after, context.CancellationToken);
        return new ListAuditEntriesResponse { Entries = { items }, NextPageToken = pages.Next(caller, query, last) };
    }
}
