namespace Newcomers.Matching.Domain;

/// <summary>
/// The skills placements and volunteering ask for most, a fixed list so that a model's features
/// mean the same in training and in serving. Each is a feature of its own when the newcomer has it
/// and the opportunity asks for it, so the trees can learn which skill matters for which kind of
/// work. A skill outside the list still counts in the overlap.
/// </summary>
public static class CommonSkills
{
    public static readonly string[] Names =
    [
        "klantvriendelijk", "communiceren", "samenwerken", "schoonmaken", "koken", "hygiëne", "voorraad", "sorteren",
        "gereedschap", "tuinieren", "verzorgen", "kinderen begeleiden", "tekening lezen", "heftruck", "computer", "rijbewijs b",
    ];

    private static readonly Dictionary<string, int> Bits = Names.Select((name, bit) => (name, bit)).ToDictionary(x => x.name, x => x.bit, StringComparer.OrdinalIgnoreCase);

    /// <summary>The common skills among these, one bit each.</summary>
    public static uint Mask(IEnumerable<string> skills) => skills.Aggregate(0u, (mask, skill) => Bits.TryGetValue(skill.Trim(), out var bit) ? mask | 1u << bit : mask);
}
