namespace Newcomers.Matching.Cohorts;

/// <summary>
/// What takes places at an opportunity: one newcomer, or a household that a family buddy takes as
/// one unit. Members are indices into the graph's newcomers; a household uses a place for each
/// member who wants a buddy, and at least one for each member the cohort assigns with it.
/// </summary>
public sealed record CohortUnit(int[] Members, string HouseholdId, int Places)
{
    /// <summary>The newcomers it matches.</summary>
    public int Size => Members.Length;

    public static CohortUnit Alone(int newcomer) => new([newcomer], "", 1);
}
