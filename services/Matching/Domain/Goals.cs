using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>How well each kind of opportunity serves the goals of a PIP (0 to 1), by kind.</summary>
public static class Goals
{
    public static double[] FitByKind(IEnumerable<PipGoal> goals)
    {
        var list = goals.ToList();
        return [0, Fit(list, OpportunityKind.WorkPlacement), Fit(list, OpportunityKind.Volunteering), Fit(list, OpportunityKind.LanguageBuddy)];
    }

    private static double Fit(List<PipGoal> goals, OpportunityKind kind)
    {
        var fit = 0.0;
        foreach (var goal in goals)
            fit = Math.Max(fit, (goal, kind) switch
            {
                (PipGoal.Work, OpportunityKind.WorkPlacement) => 1,
                (PipGoal.Volunteering, OpportunityKind.Volunteering) => 1,
                (PipGoal.Buddy, OpportunityKind.LanguageBuddy) => 1,
                (PipGoal.Entrepreneurship, OpportunityKind.WorkPlacement) => 0.6,
                (PipGoal.Work, OpportunityKind.Volunteering) => 0.4,
                (PipGoal.Education, OpportunityKind.LanguageBuddy) => 0.4,
                _ => 0,
            });
        return fit;
    }
}
