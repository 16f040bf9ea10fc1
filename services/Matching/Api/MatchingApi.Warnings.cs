using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Storage;

namespace Newcomers.Matching.Api;

/// <summary>Early warnings: the newcomers of a caseload at risk, found here because this service holds the matches and a copy of every newcomer.</summary>
public sealed partial class MatchingApi
{
    /// <summary>
    /// The warnings of a caseload (the caller's own by default), by the rules of <see cref="EarlyWarnings"/>,
    /// with "now" from the service's clock. For caseworkers and admins: coordinators see buddy pairs
    /// only, and an early end of a work placement is none of theirs. Audited as a read of each newcomer
    /// with a warning in the page; names stay in Profiles, the console joins them by id.
    /// </summary>
    public override async Task<ListCaseloadWarningsResponse> ListCaseloadWarnings(ListCaseloadWarningsRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        var v = new Violations().PageSize(request.PageSize);
        if (request.CaseworkerId.Length > 0) v.Id(request.CaseworkerId, "caseworker_id");
        if (request.MunicipalityCode.Length > 0) v.Municipality(request.MunicipalityCode, "municipality_code");
        if (request.NewcomerId.Length > 0) v.Id(request.NewcomerId, "newcomer_id");
        var given = new[] { request.CaseworkerId, request.MunicipalityCode, request.NewcomerId }.Count(s => s.Length > 0);
        var query = $"ListCaseloadWarnings\n{request.CaseworkerId}\n{request.MunicipalityCode}\n{request.NewcomerId}";
        v.Check(given <= 1, request.NewcomerId.Length > 0 ? "newcomer_id" : "municipality_code", ViolationReasons.ConflictingFields,
                "give at most one of caseworker_id, municipality_code and newcomer_id")
            .PageToken(pages.TryRead(request.PageToken, caller, query, out var after)).ThrowIfAny();
        if (request.MunicipalityCode.Length > 0 && !caller.CoversMunicipality(request.MunicipalityCode)) throw Caller.Denied("not a municipality of yours");
        var one = request.NewcomerId.Length > 0 ? model.Newcomer(request.NewcomerId) : null;
        if (request.NewcomerId.Length > 0 && (one is null || !access.ActsForNewcomer(caller, one.Id))) throw Errors.NotFound("newcomer", request.NewcomerId);

        var caseworker = request.CaseworkerId.Length > 0 ? request.CaseworkerId : caller.IsAdmin ? null : caller.Subject;
        IEnumerable<NewcomerEntry> caseload = one is not null ? [one]
            : model.AllNewcomers.Where(n => caller.CoversMunicipality(n.MunicipalityCode)
                && (request.MunicipalityCode.Length > 0 ? n.MunicipalityCode == request.MunicipalityCode : caseworker is null || n.CaseworkerId == caseworker));
        var settings = warningOptions.CurrentValue;
        var now = clock.GetUtcNow();
        var size = Pages.Size(request.PageSize);
        var page = new List<EarlyWarning>();
        var more = false;
        foreach (var n in caseload.Where(n => n.Active && (after is null || string.CompareOrdinal(n.Id, after.Split('\n')[0]) >= 0))
                     .OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var matches = new List<Match>();
            await foreach (var m in store.StreamAsync(MatchStore.Matches, new IndexEntry("newcomer", n.Id), context.CancellationToken)) matches.Add(m);
            foreach (var warning in EarlyWarnings.Of(n, matches, now, settings).Where(w => after is null || string.CompareOrdinal(WarningKey(w), after) > 0))
            {
                if (page.Count == size) { more = true; break; }
                // The store keeps no titles: the read model has them, as for every match shown.
                if (warning.EndedEarly is { } ended) ended.OpportunityTitle = model.Opportunity(ended.OpportunityId)?.Title ?? "";
                page.Add(warning);
            }
            if (more) break;
        }
        await audit.ReadNewcomersAsync(caller, "ListCaseloadWarnings", page.Select(w => w.NewcomerId).Distinct(), Purposes.CaseManagement, context.CancellationToken);
        return new ListCaseloadWarningsResponse
        {
            Warnings = { page }, Thresholds = settings.Thresholds(), NextPageToken = pages.Next(caller, query, more ? WarningKey(page[^1]) : null),
        };
    }

    /// <summary>A warning's place in the order, as a string that sorts ordinally: the newcomer, then the kind.</summary>
    private static string WarningKey(EarlyWarning w) => $"{w.NewcomerId}\n{(int)w.Kind:D2}";
}
