using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Cohorts;

/// <summary>
/// The pairs of households with family buddies, gathered member by member. A household of the
/// cohort (two or more of its newcomers share a household id, or one does whose household has more
/// who want a buddy) becomes one unit: its members and the places a family buddy gives it. A family
/// buddy is an arc of the unit only if it is eligible for every member; the arc's quality is the sum
/// of the members', its distance the farthest.
/// </summary>
public sealed class HouseholdPairs
{
    private readonly Dictionary<string, int[]> members;
    private readonly Dictionary<int, string> householdOf = [];
    private readonly Dictionary<string, Dictionary<int, (double Quality, double Distance, int Members)>> pairs = [];
    private readonly NewcomerEntry[] newcomers;

    public HouseholdPairs(NewcomerEntry[] newcomers)
    {
        this.newcomers = newcomers;
        members = Enumerable.Range(0, newcomers.Length).Where(i => newcomers[i].HouseholdId.Length > 0)
            .GroupBy(i => newcomers[i].HouseholdId).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var (household, indices) in members)
            foreach (var i in indices) householdOf[i] = household;
    }

    /// <summary>Whether the newcomer is in a household, whose unit a family buddy takes.</summary>
    public bool Holds(int newcomer) => householdOf.ContainsKey(newcomer);

    public void Offer(int newcomer, int opportunity, double quality, double distance)
    {
        var household = householdOf[newcomer];
        if (!pairs.TryGetValue(household, out var byOpportunity)) pairs[household] = byOpportunity = [];
        var (q, d, count) = byOpportunity.GetValueOrDefault(opportunity);
        byOpportunity[opportunity] = (q + quality, Math.Max(d, distance), count + 1);
    }

    /// <summary>Adds each household's unit and its best arcs, those eligible for every member.</summary>
    public void AddTo(CohortGraph graph, int pairsPerHousehold)
    {
        foreach (var (household, indices) in members.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var arcs = pairs.GetValueOrDefault(household)?.Where(p => p.Value.Members == indices.Length)
                .OrderByDescending(p => p.Value.Quality).ThenBy(p => p.Value.Distance).ThenBy(p => p.Key).Take(pairsPerHousehold).ToList() ?? [];
            if (arcs.Count == 0) continue;
            var places = Math.Max(indices.Length, indices.Max(i => newcomers[i].BuddyUnitSize));
            // A household of one that needs one place is that newcomer's own unit (units 0 to n - 1 are the newcomers').
            var unit = indices.Length == 1 && places == 1 ? indices[0] : graph.AddUnit(new CohortUnit(indices, household, places));
            foreach (var (opportunity, value) in arcs) graph.Arcs.Add(new CohortArc(unit, opportunity, value.Quality, value.Distance));
        }
    }
}
