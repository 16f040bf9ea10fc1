using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Storage;

namespace Newcomers.Matching.Api;

/// <summary>Matches from proposal to outcome, and reading them (watching them: MatchingApi.Watch.cs).</summary>
public sealed partial class MatchingApi
{
    public override async Task<Match> ProposeMatch(ProposeMatchRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker, Roles.Coordinator);
        var v = new Violations().Id(request.NewcomerId, "newcomer_id").Id(request.OpportunityId, "opportunity_id");
        // Only an admin proposes on a caseworker's behalf and names them; staff propose as themselves (the token's subject) and the field is ignored.
        if (caller.IsAdmin) v.Id(request.CaseworkerId, "caseworker_id");
        ProposalOrigins.Validate(request, v).ThrowIfAny();
        var newcomer = model.Newcomer(request.NewcomerId);
        if (newcomer is null || !access.ActsForNewcomer(caller, newcomer.Id)) throw Errors.NotFound("newcomer", request.NewcomerId);
        var opportunity = model.Opportunity(request.OpportunityId) ?? throw Errors.NotFound("opportunity", request.OpportunityId);
        if (!access.ActsForNewcomer(caller, newcomer.Id, opportunity.Kind)) throw Caller.Denied("a coordinator matches language buddies only");
        if (!newcomer.Matchable) throw NotMatchable(newcomer.Id);
        if (!opportunity.TakesNewcomersOn(recommender.Today())) throw NoPlace(opportunity.Id);
        if (request.Origin == ProposalOrigin.Cohort) EnsureEligible(newcomer, opportunity);

        var (score, reasons) = recommender.Explain(newcomer, opportunity);
        var now = Now();
        var match = new Match
        {
            Id = Ids.New(), NewcomerId = newcomer.Id, OpportunityId = opportunity.Id, ProviderId = opportunity.ProviderId, Kind = opportunity.Kind, State = MatchState.Proposed,
            ProposedBy = caller.IsAdmin ? request.CaseworkerId : caller.Subject, Score = score, Reasons = { reasons }, CountsTowardsMap = opportunity.CountsTowardsMap,
            History = { new StateChange { State = MatchState.Proposed, Time = now, Party = Party.Caseworker } }, CreateTime = now, UpdateTime = now,
            Origin = request.Origin, OriginRequestId = request.RequestId, OriginReason = request.Reason.Trim(), OriginCohortRunId = request.CohortRunId,
        };
        var changes = new ChangeSet().Claim(store.ActiveKey(newcomer.Id), MatchStore.Active).Claim(MatchStore.OpenPairKey(newcomer.Id, opportunity.Id), match.Id);
        Save(changes, match, 0);
        try
        {
            await changeLog.CommitAsync(changes, match, context.CancellationToken);
        }
        catch (UniqueConflictException conflict) when (conflict.Owner == MatchStore.Erased)
        {
            throw Errors.NotFound("newcomer", newcomer.Id);
        }
        catch (UniqueConflictException conflict)
        {
            throw Errors.AlreadyExists("match", conflict.Owner);
        }
        await audit.ReadNewcomerAsync(caller, "ProposeMatch", newcomer.Id, Purposes.Matching, context.CancellationToken);
        return match;
    }

    public override Task<Match> RespondToMatch(RespondToMatchRequest request, ServerCallContext context)
    {
        var v = new Violations().Id(request.MatchId, "match_id")
            .Check(Rules.Defined(request.Party), "party", ViolationReasons.InvalidChoice, "required: PARTY_PROVIDER, PARTY_NEWCOMER or PARTY_CASEWORKER")
            .Check(request.Party != Party.Caseworker || !request.Accept, "accept", ViolationReasons.NotAllowed, "a caseworker can only withdraw a proposal (accept = false)")
            .Check(request.Version >= 0, "version", ViolationReasons.OutOfRange, "0 or the version this answer is based on");
        EndReasons.Validate(request, v).ThrowIfAny();
        var caller = Caller.Of(context).Require(Roles.People);
        return ChangeAsync("RespondToMatch", request.MatchId, request.Version, caller, match =>
        {
            var mayAnswer = request.Party == Party.Provider ? access.ManagesProvider(caller, match.ProviderId)
                : caller.IsAdmin || MatchAccess.IsStaff(caller) && access.ActsForNewcomer(caller, match.NewcomerId, match.Kind);
            if (!mayAnswer) throw Caller.Denied($"you may not answer for {request.Party}");
        }, (match, changes) =>
        {
            MatchLifecycle.Respond(match, request.Party, request.Accept, request.ReasonCode, request.Reason, Now());
            if (!MatchLifecycle.IsOpen(match.State)) changes.Release(MatchStore.OpenPairKey(match.NewcomerId, match.OpportunityId));
            if (!MatchLifecycle.TakesPlace(match.State)) return;
            var newcomer = model.Newcomer(match.NewcomerId);
            if (newcomer is not { Matchable: true }) throw NotMatchable(match.NewcomerId);
            var opportunity = model.Opportunity(match.OpportunityId);
            if (opportunity is null || !Eligibility.OpenOn(opportunity, recommender.Today())) throw NoPlace(match.OpportunityId);
            changes.Reserve(MatchStore.PlacesKey(match.OpportunityId), opportunity.Capacity);
        }, context.CancellationToken);
    }

    public override Task<Match> RecordOutcome(RecordOutcomeRequest request, ServerCallContext context)
    {
        var v = new Violations().Id(request.MatchId, "match_id")
            .Check(Rules.Defined(request.Outcome), "outcome", ViolationReasons.InvalidChoice, "required: OUTCOME_STARTED, OUTCOME_COMPLETED or OUTCOME_ENDED")
            .Check(request.HoursCompleted is >= 0 and <= 2000, "hours_completed", ViolationReasons.OutOfRange, "between 0 and 2000")
            .Check(request.Outcome != Outcome.Completed || request.HoursCompleted > 0, "hours_completed", ViolationReasons.Required, "required for OUTCOME_COMPLETED")
            .Check(request.Outcome != Outcome.Started || request.HoursCompleted == 0, "hours_completed", ViolationReasons.NotAllowed, "only with OUTCOME_COMPLETED or OUTCOME_ENDED")
            .Check(request.Version >= 0, "version", ViolationReasons.OutOfRange, "0 or the version this outcome is based on");
        EndReasons.Validate(request, v).ThrowIfAny();
        var caller = Caller.Of(context).Require(Roles.People);
        return ChangeAsync("RecordOutcome", request.MatchId, request.Version, caller, _ => { }, (match, changes) =>
        {
            MatchLifecycle.Record(match, request.Outcome, request.HoursCompleted, request.ReasonCode, request.Reason, Now());
            if (MatchLifecycle.IsOpen(match.State)) return;
            changes.Free(MatchStore.PlacesKey(match.OpportunityId)).Release(MatchStore.OpenPairKey(match.NewcomerId, match.OpportunityId));
            if (match.CountsTowardsMap && match.HoursCompleted > 0)
                changes.Publish(IntegrationEvents.Of(new MapHoursEarned { MatchId = match.Id, NewcomerId = match.NewcomerId, Hours = match.HoursCompleted }));
        }, context.CancellationToken);
    }

    public override async Task<Match> GetMatch(GetMatchRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.People);
        new Violations().Id(request.Id, "id").ThrowIfAny();
        var match = await LoadAsync(request.Id, caller, context.CancellationToken);
        await audit.ReadNewcomerAsync(caller, "GetMatch", match.NewcomerId, Purposes.FollowUp, context.CancellationToken);
        return access.View(caller, match);
    }

    /// <summary>Of a newcomer, an opportunity or a provider, newest first: a provider or platform lists only a provider it manages.</summary>
    public override async Task<ListMatchesResponse> ListMatches(ListMatchesRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.People);
        var query = new MatchQuery(request);
        query.Validate(new Violations()).PageSize(request.PageSize).PageToken(pages.TryRead(request.PageToken, caller, query.Key, out var after)).ThrowIfAny();
        if (request.NewcomerId.Length > 0 && !access.ActsForNewcomer(caller, request.NewcomerId) && !caller.IsAdmin && MatchAccess.IsStaff(caller))
            throw Errors.NotFound("newcomer", request.NewcomerId);
        if (request.ProviderId.Length > 0 && !MatchAccess.IsStaff(caller) && !access.ManagesProvider(caller, request.ProviderId))
            throw Caller.Denied("not a provider you manage");
        var (visible, last) = await store.ListAsync(MatchStore.Matches, query.Index, Pages.Size(request.PageSize), after, m => query.Admits(m) && access.Sees(caller, m),
            descending: true, cancellationToken: context.CancellationToken);
        await audit.ReadNewcomersAsync(caller, "ListMatches", visible.Select(m => m.NewcomerId), Purposes.FollowUp, context.CancellationToken);
        return new ListMatchesResponse { Matches = { visible.Select(m => access.View(caller, m)) }, NextPageToken = pages.Next(caller, query.Key, last) };
    }

    /// <summary>For ProfileService.ExportNewcomer (the right of access): admins and services only, and audited as a read.</summary>
    public override async Task<NewcomerMatchHistory> ExportNewcomerMatches(ExportNewcomerMatchesRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Service);
        new Violations().Id(request.NewcomerId, "newcomer_id").ThrowIfAny();
        var found = await history.OfAsync(request.NewcomerId, context.CancellationToken);
        await audit.ReadNewcomerAsync(caller, "ExportNewcomerMatches", request.NewcomerId, Purposes.RightOfAccess, context.CancellationToken);
        return found;
    }

    /// <summary>
    /// Reads, changes and commits one match the caller may see. With a version from the caller a stale
    /// read is ABORTED; without one the change is retried on the latest version, so no concurrent
    /// answer is lost. The answer shows the match, so it is an audited read.
    /// </summary>
    private async Task<Match> ChangeAsync(string action, string id, long version, Caller caller, Action<Match> authorize, Action<Match, ChangeSet> change,
        CancellationToken cancellationToken)
    {
        try
        {
            return await Optimistic.RetryAsync(async () =>
            {
                var match = await LoadAsync(id, caller, cancellationToken);
                authorize(match);
                if (version != 0 && version != match.Version) throw Errors.Aborted("match", id, match.Version);
                var current = match.Version;
                var changes = new ChangeSet();
                change(match, changes);
                Save(changes, match, current);
                await changeLog.CommitAsync(changes, match, cancellationToken);
                await audit.ReadNewcomerAsync(caller, action, match.NewcomerId, Purposes.FollowUp, cancellationToken);
                return access.View(caller, match);
            }, attempts: version == 0 ? 50 : 1);
        }
        catch (CapacityExceededException)
        {
            var opportunityId = (await LoadAsync(id, caller, cancellationToken)).OpportunityId;
            throw NoPlace(opportunityId);
        }
    }

    private static void Save(ChangeSet changes, Match match, long expectedVersion)
    {
        MatchStore.Matches.Put(changes, match, expectedVersion);
        // Events carry no free text about a person: the reason stays in the match store.
        changes.Publish(IntegrationEvents.Of(new MatchChanged { Match = new Match(match) { Reason = "" } }));
    }

    /// <summary>The match, if it exists and the caller may see it; NOT_FOUND otherwise, either way.</summary>
    private async Task<Match> LoadAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var match = await store.GetAsync(MatchStore.Matches, id, cancellationToken);
        return match is not null && access.Sees(caller, match) ? match : throw Errors.NotFound("match", id);
    }
}
