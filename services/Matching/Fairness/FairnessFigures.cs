using Newcomers.BuildingBlocks.Domain;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Fairness;

/// <summary>
/// The one home of the fairness arithmetic (docs/ranking.md#fairness). For each dimension (gender,
/// region of origin) and each group of it with at least the minimum number of members (newcomers
/// the ranker showed who have protected attributes): the mean exposure per member against the mean
/// of all members, flagged outside 0.8 to 1.25; and the share of the group's suggestions shown that
/// were proposed, accepted and started, against the best-off group's, flagged under 0.8 (the
/// four-fifths rule). Smaller groups
/// are counted as left out, never shown. Nothing here names a newcomer.
/// </summary>
public sealed class FairnessFigures(SmallCells cells)
{
    public const double ExposureLow = 0.8;
    public const double ExposureHigh = 1.25;
    public const double SelectionLow = 0.8;

    public const string Gender = "gender";
    public const string Region = "region_of_origin";

    public static readonly string[] Genders = ["female", "male", "other", "unknown"];

    public int MinimumGroupSize => cells.Minimum;

    public static string GenderGroup(Gender gender) => gender switch
    {
        Contracts.V1.Gender.Female => "female",
        Contracts.V1.Gender.Male => "male",
        Contracts.V1.Gender.Other => "other",
        _ => "unknown",
    };

    /// <summary>The group of each dimension a newcomer is in.</summary>
    public static readonly (string Dimension, string[] Order, Func<ProtectedAttributes, string> Group)[] Dimensions =
    [
        (Gender, Genders, a => GenderGroup(a.Gender)),
        (Region, RegionOfOrigin.All, a => RegionOfOrigin.Of(a.CountryOfOrigin)),
    ];

    public RankerFairness Of(RankerExposure ranker, IReadOnlyDictionary<string, ProtectedAttributes> attributes)
    {
        var members = ranker.Newcomers.Where(attributes.ContainsKey).ToList();
        var fairness = new RankerFairness { Ranker = ranker.Ranker, Rankings = ranker.Rankings, Newcomers = members.Count };
        foreach (var (dimension, order, group) in Dimensions) fairness.Dimensions.Add(Dimension(ranker, members, attributes, dimension, order, group));
        return fairness;
    }

    private FairnessDimension Dimension(RankerExposure ranker, List<string> members, IReadOnlyDictionary<string, ProtectedAttributes> attributes,
        string dimension, string[] order, Func<ProtectedAttributes, string> group)
    {
        var result = new FairnessDimension { Dimension = dimension };
        var meanOfAll = members.Count == 0 ? 0 : members.Average(ranker.ExposureOf);
        var byGroup = members.GroupBy(id => group(attributes[id])).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var name in order)
        {
            if (!byGroup.TryGetValue(name, out var ids)) continue;
            if (!cells.Shows(ids.Count))
            {
                result.GroupsTooSmall++;
                continue;
            }
            var mean = ids.Average(ranker.ExposureOf);
            var shown = ids.Sum(id => ranker.Count(id, 0));
            double Rate(int stage) => shown == 0 ? 0 : (double)ids.Sum(id => ranker.Count(id, stage)) / shown;
            result.Groups.Add(new GroupFairness
            {
                Group = name, Members = ids.Count, MeanExposure = Math.Round(mean, 4),
                ExposureRatio = meanOfAll > 0 ? Math.Round(mean / meanOfAll, 4) : 0,
                Proposed = new SelectionRate { Rate = Rate(1) }, Accepted = new SelectionRate { Rate = Rate(2) }, Started = new SelectionRate { Rate = Rate(3) },
            });
        }
        result.TooSmallToCompare = result.Groups.Count < 2;
        foreach (var g in result.Groups)
            g.ExposureFlagged = !result.TooSmallToCompare && ranker.Rankings > 0 && g.ExposureRatio is < ExposureLow or > ExposureHigh;
        Ratios(result, g => g.Proposed);
        Ratios(result, g => g.Accepted);
        Ratios(result, g => g.Started);
        return result;
    }

    /// <summary>Each group's rate against the best-off group's; 1 for all when no group has any.</summary>
    private static void Ratios(FairnessDimension dimension, Func<GroupFairness, SelectionRate> rate)
    {
        var best = dimension.Groups.Select(g => rate(g).Rate).DefaultIfEmpty(0).Max();
        foreach (var g in dimension.Groups)
        {
            var r = rate(g);
            r.Ratio = best > 0 ? Math.Round(r.Rate / best, 4) : 1;
            r.Rate = Math.Round(r.Rate, 4);
            r.Flagged = !dimension.TooSmallToCompare && r.Ratio < SelectionLow;
        }
    }
}
