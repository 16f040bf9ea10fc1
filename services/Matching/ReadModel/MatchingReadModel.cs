using System.Collections.Concurrent;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// Everything candidate generation needs, in memory, fed by the integration events, with per
/// household the members who want a buddy (<see cref="Household"/>). Every apply is idempotent: a
/// snapshot older than (or as old as) the one held is ignored, and so is any event about a removed
/// resource that predates its removal. Readers never lock.
/// </summary>
public sealed class MatchingReadModel
{
    private static readonly OpportunityKind[] Kinds = [OpportunityKind.WorkPlacement, OpportunityKind.Volunteering, OpportunityKind.LanguageBuddy];
    private readonly Lock writeLock = new();
    private readonly ConcurrentDictionary<string, OpportunityEntry> opportunities = new();
    private readonly ConcurrentDictionary<string, long> removedOpportunities = new();
    private readonly SpatialGrid<OpportunitySpot, OpportunityCell>[] takingByKind = [new(), new(), new(), new()];
    private readonly int[] totalByKind = new int[4];
    private readonly int[] takingCountByKind = new int[4];
    private readonly ConcurrentDictionary<string, PlaceCounter> places = new();
    private readonly ConcurrentDictionary<string, NewcomerEntry> newcomers = new();
    private readonly ConcurrentDictionary<string, long> removedNewcomers = new();
    private readonly SpatialGrid<NewcomerEntry, GridCell<NewcomerEntry>> matchableNewcomers = new();
    private readonly ConcurrentDictionary<string, Household> households = new();
    private int matchableCount;
    private double widestTravelKm;
    private readonly ConcurrentDictionary<string, MatchFact> matches = new();
    private readonly ConcurrentDictionary<string, PairHistory> pairsByNewcomer = new();
    private readonly ConcurrentDictionary<string, (long Version, string Platform)> platformByProvider = new();

    public Vocabulary Vocabulary { get; } = new();

    public static IReadOnlyList<OpportunityKind> AllKinds => Kinds;

    public OpportunityEntry? Opportunity(string id) => opportunities.GetValueOrDefault(id);

    /// <summary>Every opportunity of a kind the read model holds, open or not, in no order.</summary>
    public IEnumerable<OpportunityEntry> Opportunities(OpportunityKind kind) => opportunities.Values.Where(o => o.Kind == kind);

    /// <summary>A copy of the match with its opportunity's title as it is now, to show.</summary>
    public Match Titled(Match match)
    {
        var titled = match.Clone();
        titled.OpportunityTitle = Opportunity(match.OpportunityId)?.Title ?? "";
        return titled;
    }

    /// <summary>The platform that represents a provider, or empty.</summary>
    public string PlatformOf(string providerId) => platformByProvider.TryGetValue(providerId, out var known) ? known.Platform : "";

    /// <summary>Which platform represents the provider; an older snapshot than the one held changes nothing.</summary>
    public void Apply(Provider provider) =>
        platformByProvider.AddOrUpdate(provider.Id, (provider.Version, provider.PlatformId),
            (_, held) => held.Version >= provider.Version ? held : (provider.Version, provider.PlatformId));
    public NewcomerEntry? Newcomer(string id) => newcomers.GetValueOrDefault(id);
    public PairHistory PairsOf(string newcomerId) => pairsByNewcomer.GetValueOrDefault(newcomerId, PairHistory.Empty);
    /// <summary>Every newcomer's pair history, for eligibility checks across many newcomers.</summary>
    public PairLookup Pairs => new(pairsByNewcomer);
    /// <summary>The opportunities of a kind that are open with a place left.</summary>
    public SpatialGrid<OpportunitySpot, OpportunityCell> TakingOpportunities(OpportunityKind kind) => takingByKind[(int)kind];
    public int TotalOpportunities(OpportunityKind kind) => Volatile.Read(ref totalByKind[(int)kind]);
    public int TakingOpportunityCount(OpportunityKind kind) => Volatile.Read(ref takingCountByKind[(int)kind]);
    public SpatialGrid<NewcomerEntry, GridCell<NewcomerEntry>> MatchableNewcomers => matchableNewcomers;
    public int NewcomerCount => newcomers.Count;
    /// <summary>Every newcomer held, matchable or not, in no order.</summary>
    public IEnumerable<NewcomerEntry> AllNewcomers => newcomers.Values;
    /// <summary>Every open match (proposed, accepted or started) as its pair and state, in no order.</summary>
    public IEnumerable<(string NewcomerId, string OpportunityId, MatchState State)> OpenMatches() =>
        matches.Values.Where(f => MatchLifecycle.IsOpen(f.State)).Select(f => (f.NewcomerId, f.OpportunityId, f.State));
    public int MatchableNewcomerCount => Volatile.Read(ref matchableCount);
    public double WidestTravelKm => Volatile.Read(ref widestTravelKm);
    public int OpportunityCount => opportunities.Count;

    /// <summary>The places a family buddy gives the newcomer's household as the read model counts it now (<see cref="NewcomerEntry.BuddyUnitSize"/>); at least 1.</summary>
    public int BuddyUnitSize(NewcomerEntry n) => (Newcomer(n.Id) ?? n).BuddyUnitSize;

    /// <summary>How many members of a household want a buddy; 0 for a household the read model does not hold.</summary>
    public int WantingBuddy(string householdId) => households.TryGetValue(householdId, out var household) ? household.WantingBuddy : 0;

    /// <summary>The households the read model holds: those with a member.</summary>
    public int HouseholdCount => households.Count;

    public bool Apply(Opportunity o)
    {
        lock (writeLock)
        {
            if (removedOpportunities.TryGetValue(o.Id, out var removedAt) && removedAt >= o.Version) return false;
            if (opportunities.TryGetValue(o.Id, out var old) && old.Version >= o.Version) return false;
            var entry = OpportunityEntry.From(o, Vocabulary, places.GetOrAdd(o.Id, _ => new PlaceCounter()));
            if (old is not null) Unindex(old);
            opportunities[o.Id] = entry;
            totalByKind[(int)entry.Kind]++;
            if (entry.TakesNewcomers) Place(entry);
            return true;
        }
    }

    public void RemoveOpportunity(string id, long version)
    {
        lock (writeLock)
        {
            removedOpportunities[id] = Math.Max(version, removedOpportunities.GetValueOrDefault(id));
            if (opportunities.TryGetValue(id, out var old) && old.Version < version)
            {
                Unindex(old);
                opportunities.TryRemove(id, out _);
            }
        }
    }

    public bool Apply(Newcomer n)
    {
        lock (writeLock)
        {
            if (removedNewcomers.TryGetValue(n.Id, out var removedAt) && removedAt >= n.Version) return false;
            if (newcomers.TryGetValue(n.Id, out var old) && old.Version >= n.Version) return false;
            if (old is not null) Leave(old);
            var household = n.HouseholdId.Length == 0 ? null : households.GetOrAdd(n.HouseholdId, id => new Household(id));
            var entry = NewcomerEntry.From(n, Vocabulary, household);
            household?.Count(entry, +1);
            newcomers[n.Id] = entry;
            if (entry.Matchable)
            {
                matchableNewcomers.Add(entry);
                matchableCount++;
                widestTravelKm = Math.Max(widestTravelKm, entry.MaxKm);
            }
            return true;
        }
    }

    /// <summary>Forgets the newcomer: the profile, and the newcomer's part in the match ledger.</summary>
    public void RemoveNewcomer(string id, long version)
    {
        lock (writeLock)
        {
            removedNewcomers[id] = Math.Max(version, removedNewcomers.GetValueOrDefault(id));
            if (newcomers.TryRemove(id, out var old)) Leave(old);
            pairsByNewcomer.TryRemove(id, out _);
            foreach (var (matchId, fact) in matches)
            {
                if (fact.NewcomerId != id) continue;
                if (fact.TakesPlace) ChangePlaces(fact.OpportunityId, -1);
                matches.TryRemove(matchId, out _);
            }
        }
    }

    public bool Apply(Match m)
    {
        lock (writeLock)
        {
            if (removedNewcomers.ContainsKey(m.NewcomerId)) return false;
            if (matches.TryGetValue(m.Id, out var old) && old.Version >= m.Version) return false;
            var fact = new MatchFact(m.Version, m.NewcomerId, m.OpportunityId, m.State);
            if ((old?.TakesPlace ?? false) != fact.TakesPlace) ChangePlaces(m.OpportunityId, fact.TakesPlace ? 1 : -1);
            matches[m.Id] = fact;
            pairsByNewcomer[m.NewcomerId] = PairsOf(m.NewcomerId).After(m.OpportunityId, m.State);
            return true;
        }
    }

    /// <summary>Takes or frees places; an opportunity that fills up leaves the grid, one that frees up returns.</summary>
    private void ChangePlaces(string opportunityId, int delta)
    {
        var entry = opportunities.GetValueOrDefault(opportunityId);
        var before = entry?.TakesNewcomers ?? false;
        places.GetOrAdd(opportunityId, _ => new PlaceCounter()).Add(delta);
        if (entry is null || before == entry.TakesNewcomers) return;
        if (before) Displace(entry);
        else Place(entry);
    }

    private void Place(OpportunityEntry entry)
    {
        takingCountByKind[(int)entry.Kind]++;
        takingByKind[(int)entry.Kind].Add(new OpportunitySpot(entry));
    }

    private void Displace(OpportunityEntry entry)
    {
        takingCountByKind[(int)entry.Kind]--;
        takingByKind[(int)entry.Kind].Remove(new OpportunitySpot(entry));
    }

    private void Unindex(OpportunityEntry old)
    {
        totalByKind[(int)old.Kind]--;
        if (old.TakesNewcomers) Displace(old);
    }

    /// <summary>Takes the entry out of the grid and out of its household's counts; a household without members is forgotten.</summary>
    private void Leave(NewcomerEntry old)
    {
        if (old.Matchable)
        {
            matchableNewcomers.Remove(old);
            matchableCount--;
        }
        if (old.Household is not { } household) return;
        household.Count(old, -1);
        if (household.Members == 0) households.TryRemove(new KeyValuePair<string, Household>(household.Id, household));
    }

    private sealed record MatchFact(long Version, string NewcomerId, string OpportunityId, MatchState State)
    {
        public bool TakesPlace => MatchLifecycle.TakesPlace(State);
    }
}
