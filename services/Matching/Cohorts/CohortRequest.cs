using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Cohorts;

/// <summary>A cohort to assign, once the caller's scope is checked: the kind, the municipalities, and the newcomers or opportunities named by id (null when chosen by municipality).</summary>
public sealed record CohortRequest(OpportunityKind Kind, IReadOnlySet<string> Municipalities, IReadOnlyList<NewcomerEntry>? Newcomers,
    IReadOnlyList<OpportunityEntry>? Opportunities, CohortOptions Options)
{
    public const int DefaultPairsPerNewcomer = 50;

    /// <summary>The most newcomers, and the most opportunities, one cohort may hold.</summary>
    public const int MaxSize = 20_000;

    public int PairsPerNewcomer => Options.PairsPerNewcomer == 0 ? DefaultPairsPerNewcomer : Options.PairsPerNewcomer;

    public CohortObjective Objective => Options.Objective == CohortObjective.Unspecified ? CohortObjective.LeaveNoOneBehind : Options.Objective;
}
