using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Api;

public sealed partial class ProfilesApi
{
    /// <summary>
    /// The newcomer's changes of status and Dutch level, oldest first, read by whoever may read the
    /// newcomer (NOT_FOUND otherwise); audited as a read of the newcomer. Nothing writes entries but
    /// the newcomer's own changes (<see cref="ProfileStore.PutNewcomer"/>).
    /// </summary>
    public override async Task<ListNewcomerHistoryResponse> ListNewcomerHistory(ListNewcomerHistoryRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker, Roles.Coordinator);
        var query = $"history:{request.NewcomerId}";
        new Violations().Id(request.NewcomerId, "newcomer_id").PageSize(request.PageSize)
            .PageToken(pages.TryRead(request.PageToken, caller, query, out var after)).ThrowIfAny();
        var newcomer = await LoadAsync(request.NewcomerId, caller, context.CancellationToken);
        var (page, last) = await store.ListAsync(NewcomerHistory.Entries, NewcomerHistory.Of(newcomer.Id), Pages.Size(request.PageSize), after,
            cancellationToken: context.CancellationToken);
        await audit.ReadNewcomerAsync(caller, "ListNewcomerHistory", newcomer.Id, Purposes.CaseManagement, context.CancellationToken);
        return new ListNewcomerHistoryResponse { Entries = { page }, NextPageToken = pages.Next(caller, query, last) };
    }
}
