namespace Newcomers.Matching.Learning;

/// <summary>Labelled pairs from simulated groups, and the splits into training, calibration and held-out data.</summary>
public static class LabelledPairs
{
    /// <summary>Simulated pairs; a pair graded 1 or more was proposed, and accepted or better from grade 2.</summary>
    public static List<LabelledPair> From(IEnumerable<SimulatedGroup> groups) =>
        groups.SelectMany(g => g.Pairs.Select(p => new LabelledPair((uint)g.Id, p.Label, FeatureVector.From(p.Features), (float)p.HeuristicScore, (uint)g.Id, p.Position,
            p.Label >= 1 ? new ProposalOutcome($"{g.Id}/{p.Position}", p.Label >= OutcomeLabels.AcceptedGrade) : null))).ToList();

    /// <summary>
    /// Splits by the pairs' split key (for real outcomes: the newcomer or opportunity the list was for),
    /// so no request has pairs on both sides and the same data always splits alike: about one key in five is held out.
    /// </summary>
    public static (List<LabelledPair> Train, List<LabelledPair> Test) SplitByGroup(IReadOnlyList<LabelledPair> pairs) =>
        (pairs.Where(p => !HeldOut(p.SplitKey)).ToList(), pairs.Where(p => HeldOut(p.SplitKey)).ToList());

    /// <summary>
    /// Splits training pairs again by their split key, with a hash of its own: about one key in five
    /// calibrates what the others trained, so the calibrator sees outcomes the trees never saw.
    /// </summary>
    public static (List<LabelledPair> Fit, List<LabelledPair> Calibration) SplitForCalibration(IReadOnlyList<LabelledPair> pairs) =>
        (pairs.Where(p => !Calibrates(p.SplitKey)).ToList(), pairs.Where(p => Calibrates(p.SplitKey)).ToList());

    /// <summary>Only the groups in which at least one suggestion had an outcome; the others cannot tell rankings apart.</summary>
    public static (List<LabelledPair> WithOutcome, int GroupsLeftOut) WithOutcomes(IReadOnlyList<LabelledPair> pairs)
    {
        var taken = pairs.Where(p => p.Label > 0).Select(p => p.Group).ToHashSet();
        return (pairs.Where(p => taken.Contains(p.Group)).ToList(), pairs.Select(p => p.Group).Distinct().Count() - taken.Count);
    }

    /// <summary>The pairs whose proposal was answered, each proposal once (one shown in several lists keeps its first).</summary>
    public static List<LabelledPair> Proposals(IEnumerable<LabelledPair> pairs) =>
        pairs.Where(p => p.Proposal is not null).DistinctBy(p => p.Proposal!.Id).ToList();

    private static bool HeldOut(uint key) => (key * 2654435761u >> 16) % 5 == 0;

    private static bool Calibrates(uint key) => (key * 2246822519u >> 15) % 5 == 0;
}
