using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Domain;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Api;

public sealed partial class ProfilesApi
{
    /// <summary>
    /// By municipality or caseworker; without either, a caseworker's or coordinator's own municipalities (everyone, for
    /// admins). Filtered and in id order, a page is read from the index; in another order the caseload is sorted whole.
    /// </summary>
    public override async Task<ListNewcomersResponse> ListNewcomers(ListNewcomersRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker, Roles.Coordinator);
        var query = new CaseloadQuery(request);
        var v = new Violations().PageSize(request.PageSize);
        if (request.MunicipalityCode.Length > 0) v.Municipality(request.MunicipalityCode, "municipality_code");
        if (request.CaseworkerId.Length > 0) v.Id(request.CaseworkerId, "caseworker_id");
        v.Check(request.MunicipalityCode.Length == 0 || request.CaseworkerId.Length == 0, "caseworker_id", ViolationReasons.ConflictingFields,
                "give municipality_code or caseworker_id, not both")
            .Check(Enum.IsDefined(request.Status), "status", ViolationReasons.InvalidChoice, "a NewcomerStatus, or NEWCOMER_STATUS_UNSPECIFIED for any")
            .Check(Enum.IsDefined(request.Leerroute), "leerroute", ViolationReasons.InvalidChoice, "a Leerroute, or LEERROUTE_UNSPECIFIED for any")
            .Check(Enum.IsDefined(request.PipGoal), "pip_goal", ViolationReasons.InvalidChoice, "a PipGoal, or PIP_GOAL_UNSPECIFIED for any")
            .Check(Enum.IsDefined(request.OrderBy), "order_by", ViolationReasons.InvalidChoice, "a NewcomerOrder")
            .Text(request.NameQuery, "name_query", 100)
            .PageToken(pages.TryRead(request.PageToken, caller, query.Key, out var after)).ThrowIfAny();
        if (request.MunicipalityCode.Length > 0 && !caller.CoversMunicipality(request.MunicipalityCode)) throw Caller.Denied("not a municipality of yours");

        IndexEntry? index = request.CaseworkerId.Length > 0 ? new("caseworker", request.CaseworkerId)
            : request.MunicipalityCode.Length > 0 ? new("municipality", request.MunicipalityCode)
            : caller.Municipalities.Count == 1 && !caller.IsAdmin ? new("municipality", caller.Municipalities.Single()) : null;
        bool Visible(Newcomer n) => caller.CoversMunicipality(n.MunicipalityCode) && query.Matches(n);
        var size = Pages.Size(request.PageSize);
        IReadOnlyList<Newcomer> page;
        string? last;
        if (request.OrderBy == NewcomerOrder.Id)
        {
            (page, last) = await store.ListAsync(ProfileStore.Newcomers, index, size, after, Visible, cancellationToken: context.CancellationToken);
        }
        else
        {
            var all = new List<(string Key, Newcomer Newcomer)>();
            await foreach (var n in store.StreamAsync(ProfileStore.Newcomers, index, context.CancellationToken))
                if (Visible(n) && (after is null || string.CompareOrdinal(query.SortKey(n), after) > 0)) all.Add((query.SortKey(n), n));
            all.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            page = all.Take(size).Select(x => x.Newcomer).ToList();
            last = all.Count > size ? all[size - 1].Key : null;
        }
        await audit.ReadNewcomersAsync(caller, "ListNewcomers", page.Select(n => n.Id), Purposes.CaseManagement, context.CancellationToken);
        return new ListNewcomersResponse { Newcomers = { page }, NextPageToken = pages.Next(caller, query.Key, last) };
    }
}
