using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>Where a proposal comes from, and what each origin must name: the list it was in, the reason for an override, or the cohort run.</summary>
public static class ProposalOrigins
{
    public static Violations Validate(ProposeMatchRequest request, Violations v)
    {
        v.Check(Enum.IsDefined(request.Origin), "origin", ViolationReasons.InvalidChoice, "a ProposalOrigin");
        v.Text(request.Reason, "reason", 500, required: request.Origin == ProposalOrigin.Override);
        if (request.Origin == ProposalOrigin.Suggestion) v.Id(request.RequestId, "request_id");
        else v.Check(request.RequestId.Length == 0, "request_id", ViolationReasons.NotAllowed, "only with PROPOSAL_ORIGIN_SUGGESTION");
        if (request.Origin == ProposalOrigin.Cohort) v.Id(request.CohortRunId, "cohort_run_id");
        else v.Check(request.CohortRunId.Length == 0, "cohort_run_id", ViolationReasons.NotAllowed, "only with PROPOSAL_ORIGIN_COHORT");
        return v.Check(request.Origin == ProposalOrigin.Override || request.Reason.Length == 0, "reason", ViolationReasons.NotAllowed, "only with PROPOSAL_ORIGIN_OVERRIDE");
    }
}
