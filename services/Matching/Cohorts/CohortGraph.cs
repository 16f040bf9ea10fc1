using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Cohorts;

/// <summary>
/// A cohort as the solvers see it: the newcomers and opportunities, each opportunity's places,
/// the units that take places, and the sparse set of eligible arcs between them. Also, per
/// newcomer, how many opportunities were eligible and which constraint removed the most, to say
/// why someone is left out.
/// </summary>
public sealed class CohortGraph(NewcomerEntry[] newcomers, OpportunityEntry[] opportunities, int[] places)
{
    public NewcomerEntry[] Newcomers => newcomers;
    public OpportunityEntry[] Opportunities => opportunities;

    /// <summary>Places each opportunity can still give in this cohort.</summary>
    public int[] Places => places;

    public List<CohortUnit> Units { get; } = [];
    public List<CohortArc> Arcs { get; } = [];
    public int[] Eligible { get; } = new int[newcomers.Length];
    public Constraint[] MostRemovedBy { get; } = new Constraint[newcomers.Length];

    /// <summary>Eligible pairs found, before only the best of each newcomer were kept as arcs.</summary>
    public int EligiblePairs { get; set; }

    /// <summary>Whether some unit is a household (a newcomer is then in two units, or a unit takes more than one place): the problem is then no longer a flow.</summary>
    public bool HasHouseholds => Units.Exists(u => u.Size > 1 || u.Places > 1);

    public int AddUnit(CohortUnit unit)
    {
        Units.Add(unit);
        return Units.Count - 1;
    }
}
