using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Cohorts;

/// <summary>
/// Chooses a cohort from the read model. Newcomers named by id, or those waiting in the
/// municipalities: matchable, with a PIP goal the kind serves, and no match of the kind in force
/// (accepted or started; or any open one when open proposals are kept). Opportunities named by id,
/// or the open ones of the kind with a place left there. A place is what is left after accepted
/// matches, and after open proposals too when those are kept.
/// </summary>
public sealed class CohortSelection(MatchingReadModel model)
{
    public CohortMembers Select(OpportunityKind kind, IReadOnlySet<string> municipalities, IReadOnlyList<NewcomerEntry>? namedNewcomers,
        IReadOnlyList<OpportunityEntry>? namedOpportunities, bool keepOpenMatches, DateOnly today)
    {
        var inForce = new HashSet<string>(StringComparer.Ordinal);
        var held = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (newcomerId, opportunityId, state) in model.OpenMatches())
        {
            if (model.Opportunity(opportunityId)?.Kind != kind) continue;
            var takesPlace = MatchLifecycle.TakesPlace(state);
            if (takesPlace || keepOpenMatches) inForce.Add(newcomerId);
            if (!takesPlace && keepOpenMatches) held[opportunityId] = held.GetValueOrDefault(opportunityId) + 1;
        }

        var keptOut = new List<(string, CohortLeftOutReason)>();
        NewcomerEntry[] newcomers;
        if (namedNewcomers is not null)
        {
            var members = new List<NewcomerEntry>();
            foreach (var n in namedNewcomers.DistinctBy(n => n.Id))
                if (!n.Matchable) keptOut.Add((n.Id, CohortLeftOutReason.NotMatchable));
                else if (inForce.Contains(n.Id)) keptOut.Add((n.Id, CohortLeftOutReason.AlreadyMatched));
                else members.Add(n);
            newcomers = [.. members.OrderBy(n => n.Id, StringComparer.Ordinal)];
        }
        else
            newcomers = [.. model.AllNewcomers.Where(n => n.Matchable && n.GoalFitByKind[(int)kind] > 0 && municipalities.Contains(n.MunicipalityCode) && !inForce.Contains(n.Id))
                .OrderBy(n => n.Id, StringComparer.Ordinal)];

        var opportunities = (namedOpportunities?.DistinctBy(o => o.Id)
                ?? model.Opportunities(kind).Where(o => municipalities.Contains(o.MunicipalityCode) && o.TakesNewcomersOn(today)))
            .OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();
        var places = opportunities.Select(o => o.TakesNewcomersOn(today) ? Math.Max(0, o.PlacesLeft - held.GetValueOrDefault(o.Id)) : 0).ToArray();
        return new CohortMembers(newcomers, opportunities, places, keptOut);
    }
}
