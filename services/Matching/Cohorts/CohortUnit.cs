namespace Newcomers.Matching.Cohorts;

/// <summary>
/// What takes places at an opportunity: one newcomer, or a household that a family buddy takes as
/// one unit (it then uses a place for each member). Members are indices into the graph's newcomers.
/// </summary>
public sealed record CohortUnit(int[] Members, string HouseholdId)
{
    public int Size => Members.Length;

    public static CohortUnit Alone(int newcomer) => new([newcomer], "");
}
