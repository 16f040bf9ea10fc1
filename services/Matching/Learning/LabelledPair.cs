namespace Newcomers.Matching.Learning;

/// <summary>
/// One suggestion with what became of it: its request group, its grade (0 shown and not taken up or
/// declined, 1 proposed, 2 accepted, 3 started, 4 completed), its features and the heuristic's score.
/// <paramref name="SplitKey"/> decides whether its group is held out: the same data always splits the same way.
/// <paramref name="Position"/> is its place in the list shown, from 1. <paramref name="Proposal"/> is
/// the answer to its proposal when it was proposed and answered, for the acceptance model; null otherwise.
/// <paramref name="NewcomerId"/> is whose pair it is, kept in memory only, for the fairness check of the promotion rule; never a feature.
/// </summary>
public sealed record LabelledPair(uint Group, float Label, float[] Features, float HeuristicScore, uint SplitKey, int Position, ProposalOutcome? Proposal = null, string NewcomerId = "")
{
    public RankingRow Row(float score = 0, float weight = 1) => new() { Group = Group, Label = Label, Features = Features, Score = score, Weight = weight };

    public AcceptanceRow AcceptanceRow() => new() { Label = Proposal?.Accepted ?? false, Features = Features };
}
