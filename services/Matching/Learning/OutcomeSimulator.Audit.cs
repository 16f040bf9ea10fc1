using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Learning;

/// <summary>
/// The simulator's fairness audit (docs/ranking.md#the-simulators-planted-bias): newcomers drawn in
/// sets of four that are the same person but for the protected attributes (female and male, from the
/// Middle East and North Africa and from Sub-Saharan Africa), and what staff and providers do with
/// their suggestions. Staff propose a set's members together, with a chance of 0.4 per list; a
/// provider accepts with a chance of 0.6, drawn once per set and opportunity. So without a bias every
/// group's rates are the same by construction. The planted bias: providers accept a woman only
/// <see cref="PlantedAcceptanceFactor"/> as often, by a second draw. Protected attributes play no part
/// in anything a ranker sees.
/// </summary>
public sealed partial class OutcomeSimulator
{
    /// <summary>The providers' acceptance of women against men's, when the bias is planted.</summary>
    public const double PlantedAcceptanceFactor = 0.5;

    public const double ProposalChance = 0.4;

    public const double AcceptanceChance = 0.6;

    /// <summary>The four members of a set, in order.</summary>
    public static readonly (Gender Gender, string Country)[] AuditSet =
        [(Gender.Female, "SY"), (Gender.Male, "SY"), (Gender.Female, "ER"), (Gender.Male, "ER")];

    /// <summary>The protected attributes of member <paramref name="member"/> (0 to 3) of a set.</summary>
    public static ProtectedAttributes AuditAttributes(string newcomerId, int member, int birthYear = 1990) => new()
    {
        NewcomerId = newcomerId, Gender = AuditSet[member].Gender, CountryOfOrigin = AuditSet[member].Country, BirthYear = birthYear,
    };

    /// <summary>Whether staff propose the set's members from a list (named by the caller: the same name, the same draw).</summary>
    public bool Proposes(int set, string list) => Draw(set, list, 1) < ProposalChance;

    /// <summary>Whether the provider accepts a member of the set: with the bias, a woman only by a second draw as well.</summary>
    public bool ProviderAccepts(int set, string list, Gender gender, bool biased) =>
        Draw(set, list, 2) < AcceptanceChance && (!biased || gender != Gender.Female || Draw(set, list, 3) < PlantedAcceptanceFactor);

    /// <summary>A number in [0, 1) from the seed, the set, the list and the purpose alone.</summary>
    private double Draw(int set, string list, int purpose)
    {
        // The FNV-1a hash of the inputs, mixed (SplitMix64's finaliser) so that inputs alike give draws apart.
        var x = OutcomeLabels.Group($"{seed}:{set}:{list}:{purpose}") * 0x9E3779B97F4A7C15UL;
        x = (x ^ x >> 30) * 0xBF58476D1CE4E5B9;
        x = (x ^ x >> 27) * 0x94D049BB133111EB;
        return ((x ^ x >> 31) >> 11) * (1.0 / (1UL << 53));
    }
}
