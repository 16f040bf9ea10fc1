using Newcomers.Contracts.V1;

namespace Newcomers.Console.Text;

/// <summary>The kinds of opportunity in the console's addresses: "?soort=werk".</summary>
public static class KindSlug
{
    public static string Of(OpportunityKind kind) => kind switch
    {
        OpportunityKind.Volunteering => "vrijwilligerswerk",
        OpportunityKind.LanguageBuddy => "taalmaatje",
        _ => "werk",
    };

    public static OpportunityKind Parse(string? slug) => slug switch
    {
        "vrijwilligerswerk" => OpportunityKind.Volunteering,
        "taalmaatje" => OpportunityKind.LanguageBuddy,
        _ => OpportunityKind.WorkPlacement,
    };
}
