namespace Newcomers.Matching.Learning;

/// <summary>Labelled pairs from simulated groups, and the split into training and held-out data.</summary>
public static class LabelledPairs
{
    public static List<LabelledPair> From(IEnumerable<SimulatedGroup> groups) =>
        groups.SelectMany(g => g.Pairs.Select(p => new LabelledPair((uint)g.Id, p.Label, FeatureVector.From(p.Features), (float)p.HeuristicScore))).ToList();

    /// <summary>Splits by group, so no request has pairs on both sides: about one group in five is held out.</summary>
    public static (List<LabelledPair> Train, List<LabelledPair> Test) SplitByGroup(IReadOnlyList<LabelledPair> pairs) =>
        (pairs.Where(p => !HeldOut(p.Group)).ToList(), pairs.Where(p => HeldOut(p.Group)).ToList());

    private static bool HeldOut(uint group) => (group * 2654435761u >> 16) % 5 == 0;
}
