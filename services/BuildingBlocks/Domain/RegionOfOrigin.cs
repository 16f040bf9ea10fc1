namespace Newcomers.BuildingBlocks.Domain;

/// <summary>
/// The one home of the regions of origin that the fairness report groups newcomers by: a country of
/// origin (ISO 3166-1 alpha-2) maps to one of a few regions, so that groups are large enough to report
/// and no country of few newcomers picks anyone out. The mapping follows the UN's geographic regions,
/// with North Africa joined to the Middle East (as the main countries of origin of newcomers are
/// grouped in Dutch statistics) and Turkey, Iran and Afghanistan where docs/ranking.md says.
/// </summary>
public static class RegionOfOrigin
{
    public const string Europe = "europe";
    public const string MiddleEastNorthAfrica = "middle_east_north_africa";
    public const string SubSaharanAfrica = "sub_saharan_africa";
    public const string Asia = "asia";
    public const string Americas = "americas";
    public const string Oceania = "oceania";

    /// <summary>No country recorded, or one not in the lists.</summary>
    public const string Unknown = "unknown";

    /// <summary>Every region, in the order reports show them.</summary>
    public static readonly string[] All = [Europe, MiddleEastNorthAfrica, SubSaharanAfrica, Asia, Americas, Oceania, Unknown];

    private static readonly Dictionary<string, string> ByCountry = Build();

    public static string Of(string countryOfOrigin) =>
        ByCountry.GetValueOrDefault(countryOfOrigin.ToUpperInvariant(), Unknown);

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string region, string countries)
        {
            foreach (var country in countries.Split(' ', StringSplitOptions.RemoveEmptyEntries)) map[country] = region;
        }
        Add(Europe, "AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA XK");
        Add(MiddleEastNorthAfrica, "AE BH DZ EG EH IL IQ IR JO KW LB LY MA OM PS QA SA SY TN TR YE");
        Add(SubSaharanAfrica, "AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MR MU MW MZ NA NE NG RW SC SD SL SN SO SS ST SZ TD TG TZ UG ZA ZM ZW");
        Add(Asia, "AF AM AZ BD BN BT CN GE HK ID IN JP KG KH KP KR KZ LA LK MM MN MO MV MY NP PH PK SG TH TJ TL TM TW UZ VN");
        Add(Americas, "AG AR BB BO BR BS BZ CA CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA PE PY SR SV TT US UY VC VE AW CW SX BQ");
        Add(Oceania, "AU FJ FM KI MH NR NZ PG PW SB TO TV VU WS");
        return map;
    }
}
