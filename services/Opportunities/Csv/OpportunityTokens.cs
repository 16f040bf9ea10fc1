using Newcomers.BuildingBlocks.Csv;
using Newcomers.Contracts.V1;

namespace Newcomers.Opportunities.Csv;

/// <summary>The words of the opportunity CSV for its own enums (docs/api.md#csv); levels, genders and day parts are in <see cref="CommonTokens"/>.</summary>
public static class OpportunityTokens
{
    public static readonly CsvTokens<OpportunityKind> Kind = new(new Dictionary<OpportunityKind, string>
    {
        [OpportunityKind.WorkPlacement] = "werkplek", [OpportunityKind.Volunteering] = "vrijwilligerswerk", [OpportunityKind.LanguageBuddy] = "taalmaatje",
    });

    public static readonly CsvTokens<OpportunityStatus> Status = new(new Dictionary<OpportunityStatus, string>
    {
        [OpportunityStatus.Open] = "open", [OpportunityStatus.Closed] = "gesloten",
    });
}
