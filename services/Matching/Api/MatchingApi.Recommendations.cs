using Grpc.Core;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Api;

/// <summary>Recommendations: opportunities for a newcomer, newcomers for an opportunity.</summary>
public sealed partial class MatchingApi
{
    public override async Task<RecommendOpportunitiesResponse> RecommendOpportunities(RecommendOpportunitiesRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker, Roles.Coordinator);
        var v = new Violations().Id(request.NewcomerId, "newcomer_id")
            .Check(request.Limit is >= 0 and <= 100, "limit", ViolationReasons.OutOfRange, "between 0 and 100 (0 means 20)")
            .Check(request.MaxDistanceKm is >= 0 and <= 100, "max_distance_km", ViolationReasons.OutOfRange, "between 0 and 100 (0 means the newcomer's own limit)")
            .Check(request.MunicipalityCodes.Count <= 50, "municipality_codes", ViolationReasons.TooMany, "at most 50");
        for (var i = 0; i < request.Kinds.Count; i++) v.Check(Rules.Defined(request.Kinds[i]), $"kinds[{i}]", ViolationReasons.InvalidChoice, "an OpportunityKind such as OPPORTUNITY_KIND_VOLUNTEERING");
        for (var i = 0; i < request.MunicipalityCodes.Count && i < 50; i++) v.Municipality(request.MunicipalityCodes[i], $"municipality_codes[{i}]");
        v.ThrowIfAny();

        var newcomer = model.Newcomer(request.NewcomerId);
        if (newcomer is null || !access.ActsForNewcomer(caller, newcomer.Id)) throw Errors.NotFound("newcomer", request.NewcomerId);
        if (!newcomer.Matchable) throw NotMatchable(newcomer.Id);
        var kinds = request.Kinds.Count == 0 ? MatchingReadModel.AllKinds : request.Kinds.Distinct().ToList();
        if (caller.Role == Roles.Coordinator)
        {
            if (request.Kinds.Any(k => k != OpportunityKind.LanguageBuddy)) throw Caller.Denied("a coordinator matches language buddies only");
            kinds = [OpportunityKind.LanguageBuddy];
        }
        var filter = new OpportunityFilter(request.MunicipalityCodes.ToHashSet(), request.OnlyMapEligible, request.MaxDistanceKm);
        // The suggestions are worked out while the audit entry is committed; they are sent only once it is.
        var audited = audit.ReadNewcomerAsync(caller, "RecommendOpportunities", newcomer.Id, Purposes.Matching, context.CancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ranker = recommender.InForce;
        var response = recommender.ForNewcomer(newcomer, kinds, request.Limit == 0 ? 20 : request.Limit, filter, ranker);
        RecommendDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("ranker", ranker.Family));
        await audited;
        return response;
    }

    public override async Task<RecommendNewcomersResponse> RecommendNewcomers(RecommendNewcomersRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.People);
        new Violations().Id(request.OpportunityId, "opportunity_id").Check(request.Limit is >= 0 and <= 100, "limit", ViolationReasons.OutOfRange, "between 0 and 100 (0 means 20)").ThrowIfAny();
        var opportunity = model.Opportunity(request.OpportunityId) ?? throw Errors.NotFound("opportunity", request.OpportunityId);
        var staff = MatchAccess.IsStaff(caller);
        if (!staff && !access.ManagesProvider(caller, opportunity.ProviderId)) throw Caller.Denied("not an opportunity of yours");
        if (caller.Role == Roles.Coordinator && opportunity.Kind != OpportunityKind.LanguageBuddy) throw Caller.Denied("a coordinator matches language buddies only");
        if (!opportunity.TakesNewcomersOn(recommender.Today())) throw NoPlace(opportunity.Id);
        var response = recommender.ForOpportunity(opportunity, request.Limit == 0 ? 20 : request.Limit,
            staff ? n => caller.CoversMunicipality(n.MunicipalityCode) : null);
        await audit.ReadNewcomersAsync(caller, "RecommendNewcomers", response.Suggestions.Select(s => s.NewcomerId), Purposes.Matching, context.CancellationToken);
        var suggestions = response.Suggestions.Select(s => access.View(caller, s)).ToList();
        response.Suggestions.Clear();
        response.Suggestions.Add(suggestions);
        return response;
    }

    private static readonly System.Diagnostics.Metrics.Histogram<double> RecommendDuration =
        Newcomers.BuildingBlocks.Api.Telemetry.Meter.CreateHistogram<double>("matching.recommend_opportunities.duration", "ms", "Time to generate and rank one RecommendOpportunities response");
}
