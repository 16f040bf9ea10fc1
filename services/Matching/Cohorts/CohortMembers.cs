using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Cohorts;

/// <summary>Who and what a cohort holds: its newcomers, its opportunities with the places each can give, and the newcomers named but kept out.</summary>
public sealed record CohortMembers(NewcomerEntry[] Newcomers, OpportunityEntry[] Opportunities, int[] Places,
    IReadOnlyList<(string NewcomerId, CohortLeftOutReason Reason)> KeptOut);
