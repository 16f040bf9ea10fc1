using Newcomers.Contracts.V1;

namespace Newcomers.Benchmarks;

/// <summary>The medians of a measurement, in milliseconds, and the last assignment for its sizes.</summary>
public sealed record CohortFigures(double Call, double Recommendations, IReadOnlyDictionary<string, double> Stages, CohortAssignment Assignment, double FlowAlone)
{
    public double Ratio => Call / Recommendations;

    public string StageLine() =>
        string.Join(", ", Stages.Select(s => $"{s.Key} {Report.Ms(s.Value)}")) + $" (solving is both objectives; one min-cost flow alone {Report.Ms(FlowAlone)})";

    public string SizeLine() =>
        $"{Report.Thousands(Assignment.Newcomers)} newcomers, {Report.Thousands(Assignment.Opportunities)} opportunities with {Report.Thousands(Assignment.Places)} places; " +
        $"{Report.Thousands(Assignment.EligiblePairs)} eligible pairs, {Report.Thousands(Assignment.GraphPairs)} in the graph; " +
        $"{Report.Thousands(Assignment.LeaveNoOneBehind.Matched)} matched (greedy {Report.Thousands(Assignment.Greedy.Matched)})";
}
