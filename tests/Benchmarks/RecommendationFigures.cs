namespace Newcomers.Benchmarks;

/// <summary>What RecommendOpportunities in process measured: latency percentiles, and the size of the requests (open opportunities in reach at the median and at p99, and eligible at the median).</summary>
public sealed record RecommendationFigures(double P50, double P99, double Mean, int Requests, double MedianInReach, double P99InReach, double MedianEligible);
