namespace Newcomers.Matching.Learning;

/// <summary>Labelled pairs from simulated groups, and the split into training and held-out data.</summary>
public static class LabelledPairs
{
    public static List<LabelledPair> From(IEnumerable<SimulatedGroup> groups) =>
        groups.SelectMany(g => g.Pairs.Select(p => new LabelledPair((uint)g.Id, p.Label, FeatureVector.From(p.Features), (float)p.HeuristicScore, (uint)g.Id, p.Position))).ToList();

    /// <summary>
    /// Splits by the pairs' split key (for real outcomes: the newcomer or opportunity the list was for),
    /// so no request has pairs on both sides and the same data always splits alike: about one key in five is held out.
    /// </summary>
    public static (List<LabelledPair> Train, List<LabelledPair> Test) SplitByGroup(IReadOnlyList<LabelledPair> pairs) =>
        (pairs.Where(p => !HeldOut(p.SplitKey)).ToList(), pairs.Where(p => HeldOut(p.SplitKey)).ToList());

    /// <summary>Only the groups in which at least one suggestion had an outcome; the others cannot tell rankings apart.</summary>
    public static (List<LabelledPair> WithOutcome, int GroupsLeftOut) WithOutcomes(IReadOnlyList<LabelledPair> pairs)
    {
        var taken = pairs.Where(p => p.Label > 0).Select(p => p.Group).ToHashSet();
        return (pairs.Where(p => taken.Contains(p.Group)).ToList(), pairs.Select(p => p.Group).Distinct().Count() - taken.Count);
    }

    private static bool HeldOut(uint key) => (key * 2654435761u >> 16) % 5 == 0;
}
