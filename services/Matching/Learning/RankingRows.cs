namespace Newcomers.Matching.Learning;

/// <summary>Simulated groups as ranking rows, each pair's rows contiguous within its group.</summary>
public static class RankingRows
{
    public static List<RankingRow> From(IEnumerable<SimulatedGroup> groups, Func<SimulatedPair, float>? score = null) =>
        groups.SelectMany(g => g.Pairs.Select(p => new RankingRow
        {
            Label = p.Label, Group = (uint)g.Id, Features = FeatureVector.From(p.Features), Score = score?.Invoke(p) ?? 0,
        })).ToList();
}
