using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Benchmarks;

/// <summary>
/// The matching read model filled straight from records, as its event handler would apply them,
/// with a recommender and a cohort assigner over it: no host, no gRPC, no store, and no impressions
/// recorded (which a host's recommendations would also pay for). The ranker in force is the
/// service's own: the heuristic ranks, and its score is the pair quality, until the benchmark swaps
/// a model in as a promotion does; then the model ranks, and its acceptance model (when it has one)
/// gives the pair quality.
/// </summary>
public sealed class InProcessMatching
{
    public InProcessMatching(IEnumerable<Opportunity> opportunities, IEnumerable<Newcomer> newcomers)
    {
        foreach (var o in opportunities) Model.Apply(o);
        foreach (var n in newcomers) Model.Apply(n);
        Recommender = new Recommender(Model, Options, TimeProvider.System, Ranker);
        Assigner = new CohortAssigner(Model, Recommender, Options);
    }

    public MatchingReadModel Model { get; } = new();

    public FixedOptions Options { get; } = new(new MatchingOptions());

    public CurrentRanker Ranker { get; } = new();

    public Recommender Recommender { get; }

    public CohortAssigner Assigner { get; }

    /// <summary>
    /// A cohort drawn at random (the same for the same seed): newcomers, and opportunities of the kind
    /// with one to three places, in id order as a request names them.
    /// </summary>
    public (NewcomerEntry[] Newcomers, OpportunityEntry[] Opportunities) Draw(OpportunityKind kind, int newcomers, int opportunities, int seed)
    {
        var random = new Random(seed);
        var people = Model.AllNewcomers.Where(n => n.Matchable).OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();
        var places = Model.Opportunities(kind).Where(o => o.Capacity is >= 1 and <= 3 && o.TakesNewcomers).OrderBy(o => o.Id, StringComparer.Ordinal).ToArray();
        random.Shuffle(people);
        random.Shuffle(places);
        return ([.. people.Take(newcomers).OrderBy(n => n.Id, StringComparer.Ordinal)], [.. places.Take(opportunities).OrderBy(o => o.Id, StringComparer.Ordinal)]);
    }

    /// <summary>A cohort of the kind of the newcomers and opportunities named, by the objective asked.</summary>
    public CohortAssignment Assign(OpportunityKind kind, IReadOnlyList<NewcomerEntry> newcomers, IReadOnlyList<OpportunityEntry> opportunities,
        CohortObjective objective = CohortObjective.LeaveNoOneBehind) =>
        Assigner.Assign(Request(kind, newcomers, opportunities, objective), _ => { }, CancellationToken.None);

    public static CohortRequest Request(OpportunityKind kind, IReadOnlyList<NewcomerEntry> newcomers, IReadOnlyList<OpportunityEntry> opportunities, CohortObjective objective) =>
        new(kind, new HashSet<string>(), newcomers, opportunities, new CohortOptions { Objective = objective });

    /// <summary>
    /// The graph the assigner solves for the request, built as it builds it, for a benchmark to solve
    /// again (the assignment itself carries only the chosen objective's pairs).
    /// </summary>
    public CohortGraph Graph(CohortRequest request)
    {
        var eligibility = new Eligibility(Options.CurrentValue.MaxDutchStepsBelow, Recommender.Today());
        var cohort = new CohortSelection(Model).Select(request.Kind, request.Municipalities, request.Newcomers, request.Opportunities, request.Options.KeepOpenMatches, eligibility.Today);
        return new CohortGraphBuilder(eligibility, Model.PairsOf, Recommender.QualityInForce, request.PairsPerNewcomer,
            Recommender.InForce.Shortlist(request.PairsPerNewcomer, Options.CurrentValue), request.Options.MaxDistanceKm).Build(cohort);
    }
}
