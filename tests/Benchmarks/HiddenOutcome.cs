using Newcomers.Matching.Learning;

namespace Newcomers.Benchmarks;

/// <summary>What an assignment of a simulated cohort is worth by the hidden utility: newcomers matched, the utility in total, and the matches the simulator would see taken up (grade 1 or more).</summary>
public sealed record HiddenOutcome(int Matched, double Utility, int TakenUp)
{
    public static HiddenOutcome Of(SimulatedCohort cohort, IEnumerable<(string NewcomerId, string OpportunityId)> pairs)
    {
        var list = pairs.ToList();
        return new HiddenOutcome(list.Count, list.Sum(p => cohort.Utility(p.NewcomerId, p.OpportunityId)), list.Count(p => cohort.Grade(p.NewcomerId, p.OpportunityId) >= 1));
    }

    /// <summary>This utility as a share of another's, in per cent.</summary>
    public string ShareOf(HiddenOutcome best) => $"{100 * Utility / best.Utility:0.0}%";
}
