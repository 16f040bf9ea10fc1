using Grpc.Core;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Api;

/// <summary>Guidance for the PIP: which single change to a newcomer's profile would open the most good matches.</summary>
public sealed partial class MatchingApi
{
    public override async Task<PipGuidance> GetPipGuidance(GetPipGuidanceRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        new Violations().Id(request.NewcomerId, "newcomer_id")
            .Check(request.Kind == OpportunityKind.Unspecified || Rules.Defined(request.Kind), "kind", ViolationReasons.InvalidChoice, "an OpportunityKind such as OPPORTUNITY_KIND_VOLUNTEERING, or none for all three")
            .ThrowIfAny();
        var newcomer = model.Newcomer(request.NewcomerId);
        if (newcomer is null || !access.ActsForNewcomer(caller, newcomer.Id)) throw Errors.NotFound("newcomer", request.NewcomerId);
        if (!newcomer.Matchable) throw NotMatchable(newcomer.Id);
        // Audited as a recommendation is: worked out while the audit entry is committed, sent once it is.
        var audited = audit.ReadNewcomerAsync(caller, "GetPipGuidance", newcomer.Id, Purposes.Matching, context.CancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ranker = recommender.InForce;
        var guidance = advisor.For(newcomer, request.Kind == OpportunityKind.Unspecified ? null : request.Kind, ranker);
        GuidanceDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("ranker", ranker.Family));
        await audited;
        return guidance;
    }

    private static readonly System.Diagnostics.Metrics.Histogram<double> GuidanceDuration =
        Newcomers.BuildingBlocks.Api.Telemetry.Meter.CreateHistogram<double>("matching.pip_guidance.duration", "ms", "Time to work out one GetPipGuidance response");
}
