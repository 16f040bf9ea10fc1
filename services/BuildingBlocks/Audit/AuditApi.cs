using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Audit;

/// <summary>The audit log, for admins: newest first, by record or by actor.</summary>
public sealed class AuditApi(AuditTrail trail) : AuditService.AuditServiceBase
{
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.Admin);
        new Violations().PageSize(request.PageSize).Text(request.Record, "record", 200).Text(request.Actor, "actor", 200)
            .Check(PageToken.TryDecode(request.PageToken, out var after), "page_token", "not a token from a previous page").ThrowIfAny();
        await trail.FlushAsync(context.CancellationToken);
        IndexEntry? index = request.Record.Length > 0 ? new("record", request.Record) : request.Actor.Length > 0 ? new("actor", request.Actor) : null;
        var (items, next) = await trail.ListAsync(index, request.PageSize == 0 ? 100 : request.PageSize, after, context.CancellationToken);
        return new ListAuditEntriesResponse { Entries = { items }, NextPageToken = next };
    }
}
