using Newcomers.BuildingBlocks.Domain;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Fairness;
using Newcomers.Matching.Learning;

namespace Newcomers.Unit.Tests.Matching;

public sealed class FairnessFiguresTests
{
    private static readonly FairnessFigures Figures = new(new SmallCells(5));

    private static Dictionary<string, ProtectedAttributes> People(int women, int men, string womenFrom = "SY", string menFrom = "SY") =>
        Enumerable.Range(0, women).Select(i => new ProtectedAttributes { NewcomerId = $"w{i}", Gender = Gender.Female, CountryOfOrigin = womenFrom })
            .Concat(Enumerable.Range(0, men).Select(i => new ProtectedAttributes { NewcomerId = $"m{i}", Gender = Gender.Male, CountryOfOrigin = menFrom }))
            .ToDictionary(a => a.NewcomerId);

    [Fact]
    public void Exposure_is_the_sum_of_one_over_log2_of_one_plus_the_rank_per_member_against_the_mean_of_all()
    {
        // Two rankings of five women and five men, the men always first: a man at rank r gets 1/log2(1+r) twice.
        var ranker = new RankerExposure("heuristic-v1");
        string[] order = ["m0", "m1", "m2", "m3", "m4", "w0", "w1", "w2", "w3", "w4"];
        for (var list = 0; list < 2; list++) ranker.Ranking(order.Select((id, i) => (id, i + 1)));

        var gender = Figures.Of(ranker, People(5, 5)).Dimensions.Single(d => d.Dimension == FairnessFigures.Gender);

        // By hand: ranks 1-5 weigh 1 + 0.6309 + 0.5 + 0.4307 + 0.3869 = 2.9485, ranks 6-10 weigh 0.3562 + 0.3333 + 0.3155 + 0.3010 + 0.2891 = 1.5951.
        double men = 2 * 2.9485 / 5, women = 2 * 1.5951 / 5, all = (men + women) / 2;
        var (w, m) = (gender.Groups.Single(g => g.Group == "female"), gender.Groups.Single(g => g.Group == "male"));
        Assert.Equal(men, m.MeanExposure, 3);
        Assert.Equal(women, w.MeanExposure, 3);
        Assert.Equal(women / all, w.ExposureRatio, 3); // 0.702
        Assert.Equal(men / all, m.ExposureRatio, 3);   // 1.298
        Assert.True(w.ExposureFlagged);
        Assert.True(m.ExposureFlagged);
        Assert.False(gender.TooSmallToCompare);
    }

    [Fact]
    public void The_four_fifths_rule_flags_a_rate_under_four_fifths_of_the_best_off_groups()
    {
        // Ten suggestions each for 5 women and 5 men (2 per person): men 6 proposed, 5 accepted, 4 started; women 6, 3, 3.
        var ranker = new RankerExposure("model-1");
        int[] menStages = [3, 3, 3, 3, 2, 1, 0, 0, 0, 0];
        int[] womenStages = [3, 3, 3, 1, 1, 1, 0, 0, 0, 0];
        for (var i = 0; i < 10; i++)
        {
            ranker.Shown($"m{i % 5}", menStages[i]);
            ranker.Shown($"w{i % 5}", womenStages[i]);
        }

        var gender = Figures.Of(ranker, People(5, 5)).Dimensions.Single(d => d.Dimension == FairnessFigures.Gender);
        var (w, m) = (gender.Groups.Single(g => g.Group == "female"), gender.Groups.Single(g => g.Group == "male"));

        Assert.Equal((0.6, 1.0, false), (w.Proposed.Rate, w.Proposed.Ratio, w.Proposed.Flagged));
        Assert.Equal((0.3, 0.6, true), (w.Accepted.Rate, w.Accepted.Ratio, w.Accepted.Flagged));   // 0.3 / 0.5
        Assert.Equal((0.3, 0.75, true), (w.Started.Rate, w.Started.Ratio, w.Started.Flagged));     // 0.3 / 0.4
        Assert.Equal((0.5, 1.0, false), (m.Accepted.Rate, m.Accepted.Ratio, m.Accepted.Flagged));
        // No ranking of newcomers: no exposure to compare, nothing flagged for it.
        Assert.Equal(0, w.ExposureRatio);
        Assert.False(w.ExposureFlagged);
    }

    [Fact]
    public void A_group_under_the_minimum_is_left_out_and_with_one_group_left_nothing_is_compared()
    {
        var ranker = new RankerExposure("heuristic-v1");
        var people = People(4, 6, womenFrom: "ER", menFrom: "UA");
        ranker.Ranking(people.Keys.Select((id, i) => (id, i + 1)));

        var report = Figures.Of(ranker, people);
        var gender = report.Dimensions.Single(d => d.Dimension == FairnessFigures.Gender);
        Assert.Equal(["male"], gender.Groups.Select(g => g.Group));
        Assert.Equal(1, gender.GroupsTooSmall);
        Assert.True(gender.TooSmallToCompare);
        Assert.DoesNotContain(gender.Groups, g => g.ExposureFlagged || g.Proposed.Flagged);
        var region = report.Dimensions.Single(d => d.Dimension == FairnessFigures.Region);
        Assert.Equal([RegionOfOrigin.Europe], region.Groups.Select(g => g.Group));
        Assert.Equal(10, report.Newcomers);
    }

    [Fact]
    public void Without_anyone_proposed_every_ratio_is_one_and_none_is_flagged()
    {
        var ranker = new RankerExposure("heuristic-v1");
        foreach (var id in People(5, 5).Keys) ranker.Shown(id, 0);
        var gender = Figures.Of(ranker, People(5, 5)).Dimensions[0];
        Assert.All(gender.Groups, g => Assert.Equal((1.0, false), (g.Accepted.Ratio, g.Accepted.Flagged)));
    }

    [Theory]
    [InlineData("SY", RegionOfOrigin.MiddleEastNorthAfrica)]
    [InlineData("ma", RegionOfOrigin.MiddleEastNorthAfrica)]
    [InlineData("ER", RegionOfOrigin.SubSaharanAfrica)]
    [InlineData("UA", RegionOfOrigin.Europe)]
    [InlineData("AF", RegionOfOrigin.Asia)]
    [InlineData("SR", RegionOfOrigin.Americas)]
    [InlineData("", RegionOfOrigin.Unknown)]
    [InlineData("ZZ", RegionOfOrigin.Unknown)]
    public void A_country_of_origin_maps_to_one_region(string country, string region) => Assert.Equal(region, RegionOfOrigin.Of(country));

    [Fact]
    public void The_promotion_check_blocks_a_model_that_moves_a_groups_exposure_further_from_one_than_the_margin()
    {
        // Ten held-out lists of the same five women and five men. The ranker in force alternates them; the new model puts the men first.
        var people = People(5, 5);
        string[] ids = ["w0", "m0", "w1", "m1", "w2", "m2", "w3", "m3", "w4", "m4"];
        var pairs = Enumerable.Range(0, 10).SelectMany(list => ids.Select((id, i) =>
            new LabelledPair((uint)list, 0, [i], 10 - i, 0, i + 1, NewcomerId: id))).ToList();
        var check = new PromotionFairnessCheck(Figures, margin: 0.05);

        var fair = check.Check(pairs, p => p.HeuristicScore, p => p.HeuristicScore, people);
        Assert.True(fair.Checked);
        Assert.False(fair.Blocked);

        var unfair = check.Check(pairs, p => p.NewcomerId[0] == 'm' ? 100 - p.Features[0] : -p.Features[0], p => p.HeuristicScore, people);
        Assert.True(unfair.Checked);
        Assert.True(unfair.Blocked);
        Assert.Equal(FairnessFigures.Gender, unfair.Dimension);
        Assert.True(unfair.NewRatio is < 0.75 or > 1.25, $"{unfair.NewRatio}");
        Assert.Contains("further from 1 by more than the margin 0.05", PromotionFairnessCheck.Words(unfair));

        // Four women only: too small to compare; the check says so and does not block.
        var small = check.Check(pairs, p => p.NewcomerId[0] == 'm' ? 100 : 0, p => p.HeuristicScore, People(4, 5));
        Assert.False(small.Checked);
        Assert.False(small.Blocked);
        Assert.Contains("not checked, not blocking", PromotionFairnessCheck.Words(small));
    }
}
