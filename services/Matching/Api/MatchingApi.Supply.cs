using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Domain;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Api;

/// <summary>The regional supply and demand: where offers lack for the newcomers who wait, and where offers go unused.</summary>
public sealed partial class MatchingApi
{
    /// <summary>Who may see it: coordinators (who recruit buddies and volunteers with the organisations) and admins.</summary>
    private static readonly string[] SupplyReaders = [Roles.Coordinator, Roles.Admin];

    /// <summary>
    /// The supply and demand of the municipalities asked (by default every one of the caller's), from
    /// the read model. Aggregates only, but counting them reads every waiting newcomer's facts: each
    /// counted is audited as read for monitoring.
    /// </summary>
    public override async Task<SupplyAndDemand> GetSupplyAndDemand(GetSupplyAndDemandRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(SupplyReaders);
        new Violations().Municipalities(request.MunicipalityCodes, "municipality_codes", MaxMunicipalities)
            .Check(request.Kind == OpportunityKind.Unspecified || Rules.Defined(request.Kind), "kind", ViolationReasons.InvalidChoice,
                "OPPORTUNITY_KIND_WORK_PLACEMENT, OPPORTUNITY_KIND_VOLUNTEERING, OPPORTUNITY_KIND_LANGUAGE_BUDDY, or UNSPECIFIED for all three")
            .ThrowIfAny();
        if (request.MunicipalityCodes.FirstOrDefault(m => !caller.CoversMunicipality(m)) is { } foreign) throw Caller.Denied($"not a municipality of yours: {foreign}");

        List<string> asked = request.MunicipalityCodes.Count > 0 ? [.. request.MunicipalityCodes.Order(StringComparer.Ordinal)]
            : caller.IsAdmin ? supply.Municipalities() : [.. caller.Municipalities.Order(StringComparer.Ordinal)];
        IReadOnlyList<OpportunityKind> kinds = request.Kind == OpportunityKind.Unspecified ? MatchingReadModel.AllKinds : [request.Kind];
        var (tallies, counted) = supply.Count(asked.ToHashSet(StringComparer.Ordinal), kinds);
        await audit.ReadNewcomersAsync(caller, "GetSupplyAndDemand", counted, Purposes.Monitoring, context.CancellationToken);

        var cells = new SmallCells(supply.MinimumGroupSize);
        var answer = new SupplyAndDemand { MinimumGroupSize = cells.Minimum, ComputeTime = Now() };
        foreach (var municipality in asked)
        {
            var area = new SupplyAndDemandArea { MunicipalityCode = municipality };
            foreach (var kind in kinds)
            {
                area.Kinds.Add(Cell(cells, kind, "", tallies[new(municipality, kind, SupplyCell.WholeKind)]));
                if (!SupplyCell.HasSectors(kind)) continue;
                foreach (var group in Domain.Isco.MajorGroups)
                    area.Sectors.Add(Cell(cells, kind, group.ToString(System.Globalization.CultureInfo.InvariantCulture), tallies[new(municipality, kind, group)]));
                area.Sectors.Add(Cell(cells, kind, "", tallies[new(municipality, kind, SupplyCell.NoOccupation)]));
            }
            answer.Areas.Add(area);
        }
        return answer;
    }

    /// <summary>Counts of people through the small cells; counts of places and opportunities as they are (they are about organisations).</summary>
    private static SupplyAndDemandCell Cell(SmallCells cells, OpportunityKind kind, string group, SupplyTally t) => new()
    {
        Kind = kind, IscoMajorGroup = group, Waiting = cells.Count(t.Waiting), WaitingWithoutPlace = cells.Count(t.WaitingWithoutPlace),
        OpenOpportunities = t.OpenOpportunities, OpenPlaces = t.OpenPlaces, SuitablePlaces = t.SuitablePlaces, UnusedPlaces = t.UnusedPlaces,
    };
}
