namespace Newcomers.Matching.Learning;

/// <summary>
/// One suggestion with what became of it: its request group, its grade (0 shown and not taken up or
/// declined, 1 proposed, 2 accepted, 3 started, 4 completed), its features and the heuristic's score.
/// </summary>
public sealed record LabelledPair(uint Group, float Label, float[] Features, float HeuristicScore)
{
    public RankingRow Row(float score = 0) => new() { Group = Group, Label = Label, Features = Features, Score = score };
}
