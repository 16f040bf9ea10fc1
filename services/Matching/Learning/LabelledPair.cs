namespace Newcomers.Matching.Learning;

/// <summary>
/// One suggestion with what became of it: its request group, its grade (0 shown and not taken up or
/// declined, 1 proposed, 2 accepted, 3 started, 4 completed), its features and the heuristic's score.
/// </summary>
public sealed record LabelledPair(uint Group, float Label, float[] Features, float HeuristicScore)
{
    public RankingRow Row(float score = 0) => new() { Group = Group, Label = Label, Features = Features, Score = score };
}

public static class LabelledPairs
{
    public static List<LabelledPair> From(IEnumerable<SimulatedGroup> groups) =>
        groups.SelectMany(g => g.Pairs.Select(p => new LabelledPair((uint)g.Id, p.Label, FeatureVector.From(p.Features), (float)p.HeuristicScore))).ToList();

    /// <summary>Splits by group, so no request has pairs on both sides: about one group in five is held out.</summary>
    public static (List<LabelledPair> Train, List<LabelledPair> Test) SplitByGroup(IReadOnlyList<LabelledPair> pairs) =>
        (pairs.Where(p => !HeldOut(p.Group)).ToList(), pairs.Where(p => HeldOut(p.Group)).ToList());

    private static bool HeldOut(uint group) => (group * 2654435761u >> 16) % 5 == 0;
}
