using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// The one home of who waits for a kind of opportunity, for the supply and demand: a newcomer who
/// may be matched (consent and active, <see cref="NewcomerEntry.Matchable"/>), whose PIP has the
/// goal the kind serves (<see cref="Goals.ServedBy"/>), and who has no match of that kind accepted
/// or started (<see cref="MatchLifecycle.TakesPlace"/>). A proposal still waiting for its answers
/// holds no place, so its newcomer still waits; a completed or ended match leaves the newcomer
/// waiting again for as long as the goal stays in the PIP.
/// </summary>
public static class Waiting
{
    public static bool For(NewcomerEntry n, OpportunityKind kind, PlacedKinds placed) =>
        n.Matchable && Array.IndexOf(n.PipGoals, Goals.ServedBy(kind)) >= 0 && !placed.Has(n.Id, kind);
}
