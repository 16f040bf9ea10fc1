namespace Newcomers.Matching.Learning;

/// <summary>NDCG at 1, 3 and 10 of one ranking on one data set (ML.NET's evaluator, its default label gains).</summary>
public sealed record RankingQuality(double Ndcg1, double Ndcg3, double Ndcg10);
