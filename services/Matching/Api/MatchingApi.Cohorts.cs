using System.Threading.Channels;
using Grpc.Core;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Api;

/// <summary>Cohort assignment: the best set of matches for a whole group, proposed for staff to confirm.</summary>
public sealed partial class MatchingApi
{
    public override async Task AssignCohort(AssignCohortRequest request, IServerStreamWriter<AssignCohortUpdate> responseStream, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker, Roles.Coordinator);
        var cohort = Cohort(request, caller);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var updates = Channel.CreateUnbounded<CohortProgress>(new UnboundedChannelOptions { SingleReader = true });
        var work = Task.Run(() =>
        {
            try
            {
                return cohorts.Assign(cohort, progress => updates.Writer.TryWrite(progress), context.CancellationToken);
            }
            finally
            {
                updates.Writer.Complete();
            }
        }, context.CancellationToken);
        await foreach (var progress in updates.Reader.ReadAllAsync(context.CancellationToken))
            await responseStream.WriteAsync(new AssignCohortUpdate { Progress = progress }, context.CancellationToken);
        var assignment = await work;
        CohortDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("solver", assignment.Solver));
        await audit.ReadNewcomersAsync(caller, "AssignCohort", assignment.Pairs.Select(p => p.NewcomerId).Concat(assignment.LeftOut.Select(l => l.NewcomerId)).Distinct(),
            Purposes.Matching, context.CancellationToken);
        foreach (var part in CohortParts.Of(assignment)) await responseStream.WriteAsync(new AssignCohortUpdate { Assignment = part }, context.CancellationToken);
    }

    private static readonly System.Diagnostics.Metrics.Histogram<double> CohortDuration =
        Newcomers.BuildingBlocks.Api.Telemetry.Meter.CreateHistogram<double>("matching.assign_cohort.duration", "ms", "Time to choose, pair, solve and explain one cohort");

    /// <summary>The request checked against the caller's scope: coordinators assign buddies only, staff only their own municipalities and newcomers.</summary>
    private CohortRequest Cohort(AssignCohortRequest request, Caller caller)
    {
        var options = request.Options ?? new CohortOptions();
        var byMunicipality = request.NewcomerIds.Count == 0 || request.OpportunityIds.Count == 0;
        var v = new Violations()
            .Check(Rules.Defined(request.Kind), "kind", ViolationReasons.InvalidChoice, "required: an OpportunityKind such as OPPORTUNITY_KIND_LANGUAGE_BUDDY")
            .Check(request.MunicipalityCodes.Count <= 50, "municipality_codes", ViolationReasons.TooMany, "at most 50")
            .Check(!byMunicipality || request.MunicipalityCodes.Count > 0 || !caller.IsAdmin, "municipality_codes", ViolationReasons.Required,
                "name the municipalities, or both the newcomers and the opportunities by id")
            .Check(request.NewcomerIds.Count <= CohortRequest.MaxSize, "newcomer_ids", ViolationReasons.TooMany, $"at most {CohortRequest.MaxSize}")
            .Check(request.OpportunityIds.Count <= CohortRequest.MaxSize, "opportunity_ids", ViolationReasons.TooMany, $"at most {CohortRequest.MaxSize}")
            .Check(options.MaxDistanceKm is >= 0 and <= 100, "options.max_distance_km", ViolationReasons.OutOfRange, "between 0 and 100 (0 means each newcomer's own limit)")
            .Check(Enum.IsDefined(options.Objective), "options.objective", ViolationReasons.InvalidChoice, "a CohortObjective")
            .Check(options.PairsPerNewcomer is >= 0 and <= 200, "options.pairs_per_newcomer", ViolationReasons.OutOfRange, "between 0 and 200 (0 means 50)");
        for (var i = 0; i < request.MunicipalityCodes.Count && i < 50; i++) v.Municipality(request.MunicipalityCodes[i], $"municipality_codes[{i}]");
        for (var i = 0; i < request.NewcomerIds.Count && i < CohortRequest.MaxSize; i++) v.Id(request.NewcomerIds[i], $"newcomer_ids[{i}]");
        for (var i = 0; i < request.OpportunityIds.Count && i < CohortRequest.MaxSize; i++) v.Id(request.OpportunityIds[i], $"opportunity_ids[{i}]");
        v.ThrowIfAny();

        if (caller.Role == Roles.Coordinator && request.Kind != OpportunityKind.LanguageBuddy) throw Caller.Denied("a coordinator matches language buddies only");
        var municipalities = request.MunicipalityCodes.Count > 0 ? request.MunicipalityCodes.ToHashSet() : caller.Municipalities.ToHashSet();
        if (!municipalities.All(caller.CoversMunicipality)) throw Caller.Denied("a cohort only of your own municipalities");
        var newcomers = request.NewcomerIds.Count == 0 ? null : request.NewcomerIds.Select(id =>
            model.Newcomer(id) is { } n && access.ActsForNewcomer(caller, id, request.Kind) ? n : throw Errors.NotFound("newcomer", id)).ToList();
        var opportunities = request.OpportunityIds.Count == 0 ? null : request.OpportunityIds.Select(id => model.Opportunity(id) ?? throw Errors.NotFound("opportunity", id)).ToList();
        if (opportunities?.FindIndex(o => o.Kind != request.Kind) is >= 0 and var wrong)
            throw Errors.InvalidArgument($"opportunity_ids[{wrong}]", ViolationReasons.InvalidChoice, "an opportunity of the cohort's kind");
        return new CohortRequest(request.Kind, municipalities, newcomers, opportunities, options);
    }

    /// <summary>A cohort's pair is proposed only while it is still eligible (a pair already open goes on to ALREADY_EXISTS).</summary>
    private void EnsureEligible(NewcomerEntry newcomer, OpportunityEntry opportunity)
    {
        var failed = recommender.Failing(newcomer, opportunity);
        if (failed == Constraint.Unspecified || failed == Constraint.NotDeclinedBefore && model.PairsOf(newcomer.Id).Open.Contains(opportunity.Id)) return;
        throw Errors.FailedPrecondition("NOT_ELIGIBLE", $"opportunities/{opportunity.Id}", $"the pair no longer meets a hard constraint: {failed}");
    }
}
