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

    /// <summary>The goal of a PIP that the kind serves fully: work a work placement, volunteering volunteering, a buddy a language buddy.</summary>
    public static PipGoal ServedBy(OpportunityKind kind) => kind switch
    {
        OpportunityKind.WorkPlacement => PipGoal.Work,
        OpportunityKind.Volunteering => PipGoal.Volunteering,
        OpportunityKind.LanguageBuddy => PipGoal.Buddy,
        _ => PipGoal.Unspecified,
    };

    /// <summary>The goal of the PIP that this kind of opportunity serves best (the one a reason names).</summary>
    public static PipGoal Strongest(IEnumerable<PipGoal> goals, OpportunityKind kind) => goals.OrderByDescending(g => Fit(g, kind)).FirstOrDefault();

    private static double Fit(List<PipGoal> goals, OpportunityKind kind) => goals.Select(g => Fit(g, kind)).DefaultIfEmpty(0).Max();

    private static double Fit(PipGoal goal, OpportunityKind kind) => (goal, kind) switch
            {
                (PipGoal.Work, OpportunityKind.WorkPlacement) => 1,
                (PipGoal.Volunteering, OpportunityKind.Volunteering) => 1,
                (PipGoal.Buddy, OpportunityKind.LanguageBuddy) => 1,
                (PipGoal.Entrepreneurship, OpportunityKind.WorkPlacement) => 0.6,
                (PipGoal.Work, OpportunityKind.Volunteering) => 0.4,
                (PipGoal.Education, OpportunityKind.LanguageBuddy) => 0.4,
                _ => 0,
            };
}
