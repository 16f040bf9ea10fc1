using Microsoft.Extensions.Options;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// Counts the regional supply and demand on the read model, with the hard constraints of a
/// recommendation (<see cref="Eligibility"/>) and its grids: for each waiting newcomer
/// (<see cref="Waiting"/>) of the municipalities asked, the open places of the kind within reach that
/// suit them, as a recommendation would find them; for each open opportunity of those municipalities,
/// whether any waiting newcomer (of any municipality) within reach suits it. Either scan stops as soon
/// as its answer is known. Nothing is scored, and nothing is recorded as shown.
/// </summary>
public sealed class SupplyAndDemandCounter(MatchingReadModel model, IOptionsMonitor<MatchingOptions> options, TimeProvider clock)
{
    private static readonly OpportunityFilter NoFilter = new(new HashSet<string>(), OnlyMapEligible: false, MaxDistanceKm: 0);

    /// <summary>The smallest count of people to show (Matching:MinimumGroupSize).</summary>
    public int MinimumGroupSize => options.CurrentValue.MinimumGroupSize;

    /// <summary>Every municipality with a newcomer or an opportunity in the read model, in code order.</summary>
    public List<string> Municipalities() =>
        [.. model.AllNewcomers.Select(n => n.MunicipalityCode).Concat(MatchingReadModel.AllKinds.SelectMany(k => model.Opportunities(k)).Select(o => o.MunicipalityCode))
            .Where(code => code.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The tallies of every cell of the municipalities and kinds asked, and the ids of the waiting newcomers counted (to audit).</summary>
    public (Dictionary<SupplyCell, SupplyTally> Cells, List<string> Counted) Count(IReadOnlySet<string> municipalities, IReadOnlyList<OpportunityKind> kinds)
    {
        var eligibility = new Eligibility(options.CurrentValue.MaxDutchStepsBelow, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var placed = PlacedKinds.Of(model.OpenMatches().Select(m => (m.NewcomerId, model.Opportunity(m.OpportunityId)?.Kind, m.State)));
        var cells = new Dictionary<SupplyCell, SupplyTally>();
        SupplyTally At(string municipality, OpportunityKind kind, int sector) =>
            cells.TryGetValue(new(municipality, kind, sector), out var t) ? t : cells[new(municipality, kind, sector)] = new SupplyTally();
        foreach (var municipality in municipalities)
            foreach (var kind in kinds)
            {
                At(municipality, kind, SupplyCell.WholeKind);
                if (SupplyCell.HasSectors(kind))
                    foreach (var sector in Isco.MajorGroups.Append(SupplyCell.NoOccupation)) At(municipality, kind, sector);
            }

        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in model.AllNewcomers)
        {
            if (!municipalities.Contains(n.MunicipalityCode)) continue;
            foreach (var kind in kinds)
            {
                if (!Waiting.For(n, kind, placed)) continue;
                counted.Add(n.Id);
                var sectors = SupplyCell.HasSectors(kind) ? SectorsOf(n) : 0;
                var suiting = SuitingSectors(n, kind, sectors, eligibility);
                Tally(At(n.MunicipalityCode, kind, SupplyCell.WholeKind), suits: suiting != 0);
                for (var sector = 0; sector < SupplyCell.NoOccupation; sector++)
                    if ((sectors >> sector & 1) == 1) Tally(At(n.MunicipalityCode, kind, sector), suits: (suiting >> sector & 1) == 1);
            }
        }

        foreach (var kind in kinds)
            foreach (var o in model.Opportunities(kind))
            {
                if (!municipalities.Contains(o.MunicipalityCode) || !o.TakesNewcomersOn(eligibility.Today)) continue;
                var suits = SuitsAnyoneWaiting(o, placed, eligibility);
                Offer(At(o.MunicipalityCode, kind, SupplyCell.WholeKind), o, suits);
                if (SupplyCell.HasSectors(kind)) Offer(At(o.MunicipalityCode, kind, Isco.MajorGroup(o.Occupation) ?? SupplyCell.NoOccupation), o, suits);
            }
        return (cells, [.. counted]);
    }

    private static void Tally(SupplyTally tally, bool suits)
    {
        tally.Waiting++;
        if (!suits) tally.WaitingWithoutPlace++;
    }

    private static void Offer(SupplyTally tally, OpportunityEntry o, bool suits)
    {
        tally.OpenOpportunities++;
        tally.OpenPlaces += o.PlacesLeft;
        if (suits) tally.SuitablePlaces += o.PlacesLeft;
    }

    /// <summary>The major groups of the newcomer's occupations (done or wanted), one bit each.</summary>
    private static int SectorsOf(NewcomerEntry n)
    {
        var sectors = 0;
        foreach (var code in n.Occupations)
            if (Isco.MajorGroup(code) is { } group) sectors |= 1 << group;
        return sectors;
    }

    /// <summary>
    /// The sectors of the open places of the kind that suit the newcomer, one bit each, with the
    /// <see cref="SupplyCell.NoOccupation"/> bit for places without an occupation: nonzero when any suits.
    /// Stops once a place suits and every sector asked has one.
    /// </summary>
    private int SuitingSectors(NewcomerEntry n, OpportunityKind kind, int sectorsAsked, Eligibility eligibility)
    {
        var pairs = model.PairsOf(n.Id);
        var home = new Geo.From(n.Latitude, n.Longitude);
        var found = 0;
        var near = new List<OpportunityCell>();
        model.TakingOpportunities(kind).CellsNear(n.Latitude, n.Longitude, n.MaxKm, near);
        foreach (var cell in near)
            foreach (ref readonly var o in cell.Items.AsSpan())
            {
                if (!Eligibility.InReach(home.SquaredKm(o.Latitude, o.Longitude), n.MaxKm)) continue;
                if (eligibility.Check(n, o, pairs, NoFilter) != Constraint.Unspecified) continue;
                found |= 1 << (Isco.MajorGroup(o.Occupation) ?? SupplyCell.NoOccupation);
                if (found != 0 && (found & sectorsAsked) == sectorsAsked) return found;
            }
        return found;
    }

    /// <summary>Whether any newcomer waiting for the kind, within their own reach of the place, passes every hard constraint with it.</summary>
    private bool SuitsAnyoneWaiting(OpportunityEntry o, PlacedKinds placed, Eligibility eligibility)
    {
        var pairs = model.Pairs;
        var place = new Geo.From(o.Latitude, o.Longitude);
        var near = new List<GridCell<NewcomerEntry>>();
        model.MatchableNewcomers.CellsNear(o.Latitude, o.Longitude, model.WidestTravelKm, near);
        foreach (var cell in near)
            foreach (var n in cell.Items)
                if (Eligibility.InReach(place.SquaredKm(n.Latitude, n.Longitude), n.MaxKm) && Waiting.For(n, o.Kind, placed)
                    && eligibility.Check(n, o, pairs, inScope: null) == Constraint.Unspecified)
                    return true;
        return false;
    }
}
