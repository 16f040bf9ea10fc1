using Newcomers.Contracts.V1;

namespace Newcomers.Host.Demo;

/// <summary>
/// A plausible demo region, the same on every machine (fixed seed): the municipalities of the
/// articles the product grew from, their employers, Ondernemersladder members and volunteer
/// organisations, placements, volunteering and taalmaatjes, and newcomers with a PIP.
/// All of it is invented; ids are stable so seeding twice changes nothing.
/// </summary>
public static class DemoRegion
{
    public static readonly (string Code, string Name, double Latitude, double Longitude)[] Municipalities =
    [
        ("GM0342", "Soest", 52.173, 5.291), ("GM0308", "Baarn", 52.212, 5.288), ("GM0313", "Bunschoten", 52.243, 5.376),
        ("GM1859", "Lochem", 52.160, 6.414), ("GM0213", "Brummen", 52.090, 6.156), ("GM0848", "Son en Breugel", 51.512, 5.492),
        ("GM0344", "Utrecht", 52.091, 5.122), ("GM0355", "Zeist", 52.090, 5.233), ("GM0321", "Houten", 52.028, 5.168),
        ("GM0310", "De Bilt", 52.110, 5.181),
    ];

    private static readonly (string Title, string Isco, string Sector, CefrLevel Dutch, string[] Skills)[] Placements =
    [
        ("Taalstage bakkerij", "7512", "voeding", CefrLevel.A1, ["deeg bereiden", "hygiëne"]),
        ("Hulpkok in restaurant", "5120", "horeca", CefrLevel.A2, ["koken", "hygiëne", "samenwerken"]),
        ("Werkervaringsplaats zorgcentrum", "5322", "zorg", CefrLevel.B1, ["verzorgen", "communiceren"]),
        ("Fietsenmaker in opleiding", "7234", "techniek", CefrLevel.A1, ["fietsen repareren", "gereedschap"]),
        ("Medewerker hoveniersbedrijf", "6113", "groen", CefrLevel.A1, ["tuinieren", "gereedschap"]),
        ("Schoonmaker kantoren", "9112", "facilitair", CefrLevel.A0, ["schoonmaken"]),
        ("Vakkenvuller supermarkt", "9334", "retail", CefrLevel.A1, ["voorraad", "klantvriendelijk"]),
        ("Magazijnmedewerker", "4321", "logistiek", CefrLevel.A2, ["heftruck", "voorraad"]),
        ("Lasser metaalbedrijf", "7212", "techniek", CefrLevel.A2, ["lassen", "tekening lezen"]),
        ("Kapper in de salon", "5141", "diensten", CefrLevel.A2, ["knippen", "klantvriendelijk"]),
        ("Pedagogisch medewerker kinderopvang", "5311", "onderwijs", CefrLevel.B1, ["kinderen begeleiden", "communiceren"]),
        ("Timmerman bouwbedrijf", "7115", "bouw", CefrLevel.A2, ["timmeren", "tekening lezen"]),
    ];

    private static readonly (string Title, string Sector, CefrLevel Dutch, string[] Skills)[] VolunteerRoles =
    [
        ("Vrijwilliger kringloopwinkel", "kringloop", CefrLevel.A1, ["klantvriendelijk", "sorteren"]),
        ("Vrijwilliger voedselbank", "welzijn", CefrLevel.A1, ["sorteren", "samenwerken"]),
        ("Gastvrouw of gastheer buurthuis", "welzijn", CefrLevel.A2, ["koffie schenken", "communiceren"]),
        ("Vrijwilliger Repair Café", "techniek", CefrLevel.A1, ["fietsen repareren", "gereedschap"]),
        ("Begeleider sportclub", "sport", CefrLevel.A2, ["voetbal", "kinderen begeleiden"]),
        ("Tuinvrijwilliger zorgboerderij", "groen", CefrLevel.A0, ["tuinieren"]),
    ];

    private static readonly string[] Interests = ["koken", "fietsen", "wandelen", "voetbal", "muziek", "tuinieren", "lezen", "naaien", "schaken", "film"];
    private static readonly string[] BuddyNames = ["Ingrid", "Henk", "Marieke", "Joost", "Fatma", "Willem", "Annelies", "Peter", "Sanne", "Kees"];
    private static readonly string[] OtherLanguages = ["ar", "ti", "fa", "prs", "ku", "tr", "so", "uk", "en", "fr"];
    private static readonly string[] FirstNames = ["Amina", "Yonas", "Olena", "Farid", "Sara", "Mohammed", "Hewan", "Ali", "Nadia", "Tesfay", "Rania", "Oleksandr", "Zahra", "Ahmad", "Lina", "Yusuf"];

    /// <summary>The demo region's postcode table, invented too: a few postcodes per municipality, near its coordinates (copied beside the binary).</summary>
    public static string PostcodesPath => Path.Combine(AppContext.BaseDirectory, "Demo", "postcodes.csv");

    public sealed record Region(List<Provider> Providers, List<Opportunity> Opportunities, List<Newcomer> Newcomers);

    /// <param name="seed">The seed of the random choices.</param>
    /// <param name="postcodes">The demo's postcode table: each newcomer gets the postcode of its municipality nearest to its home. Without it, newcomers have no postcode.</param>
    public static Region Generate(int seed = 2026, IReadOnlyList<Postcode>? postcodes = null)
    {
        var random = new Random(seed);
        var providers = new List<Provider>();
        var opportunities = new List<Opportunity>();
        var newcomers = new List<Newcomer>();
        foreach (var town in Municipalities)
        {
            var prefix = town.Code.ToLowerInvariant();
            var employer = AddProvider(providers, $"{prefix}-werkgevers", $"Werkgeverskring {town.Name}", ProviderKind.Employer, town.Code);
            var ladder = AddProvider(providers, $"{prefix}-ondernemersladder", $"Ondernemersladder {town.Name}", ProviderKind.Ondernemersladder, town.Code);
            var volunteers = AddProvider(providers, $"{prefix}-vrijwilligers", $"Vrijwilligerscentrale {town.Name}", ProviderKind.VolunteerOrganisation, town.Code);
            var buddies = AddProvider(providers, $"{prefix}-taalmaatjes", $"Taalhuis {town.Name}", ProviderKind.VolunteerOrganisation, town.Code);
            for (var i = 0; i < 12; i++)
            {
                var p = Placements[random.Next(Placements.Length)];
                opportunities.Add(Base(random, $"{prefix}-stage-{i:00}", i % 3 == 0 ? ladder : employer, OpportunityKind.WorkPlacement, p.Title, town, p.Dutch, p.Skills, p.Sector,
                    o => { o.Occupation = p.Isco; o.LanguageSupport = random.NextDouble() < 0.5; o.CountsTowardsMap = true; o.Capacity = random.Next(1, 4); }));
            }
            for (var i = 0; i < 8; i++)
            {
                var r = VolunteerRoles[random.Next(VolunteerRoles.Length)];
                opportunities.Add(Base(random, $"{prefix}-vrijwilliger-{i:00}", volunteers, OpportunityKind.Volunteering, r.Title, town, r.Dutch, r.Skills, r.Sector,
                    o => { o.CountsTowardsMap = random.NextDouble() < 0.8; o.Capacity = random.Next(1, 6); }));
            }
            for (var i = 0; i < 10; i++)
                opportunities.Add(Base(random, $"{prefix}-taalmaatje-{i:00}", buddies, OpportunityKind.LanguageBuddy, $"Taalmaatje {BuddyNames[i % BuddyNames.Length]}", town, CefrLevel.A0, [], "taal",
                    o =>
                    {
                        o.Capacity = 1;
                        o.Schedule.HoursPerWeek = 2;
                        o.Buddy = new BuddyOffer
                        {
                            Languages = { Pick(random, OtherLanguages, random.Next(0, 3)) }, Interests = { Pick(random, Interests, random.Next(1, 4)) },
                            FamilyBuddy = random.NextDouble() < 0.3, Gender = random.NextDouble() < 0.6 ? Gender.Female : Gender.Male,
                        };
                        // A family buddy has room for a household of two or three (no draw, so the rest of the region stays as it was).
                        if (o.Buddy.FamilyBuddy) o.Capacity = 2 + i % 2;
                    }));
            AddNewcomers(random, newcomers, town, postcodes, 0, 30);
        }
        // The year of history (DemoTimeline) needs more newcomers, most in Soest: drawn after the rest, so the first 30 of each town stay as they were.
        foreach (var town in Municipalities)
            AddNewcomers(random, newcomers, town, postcodes, 30, NewcomersIn(town.Code));
        return new Region(providers, opportunities, newcomers);
    }

    /// <summary>Eleven a month register in Soest over the year, four in Utrecht, two or three elsewhere (kept small: seeding plays every step).</summary>
    private static int NewcomersIn(string municipality) => municipality switch { "GM0342" => 132, "GM0344" => 48, _ => 30 };

    private static void AddNewcomers(Random random, List<Newcomer> newcomers, (string Code, string Name, double Latitude, double Longitude) town,
        IReadOnlyList<Postcode>? postcodes, int from, int to)
    {
        var prefix = town.Code.ToLowerInvariant();
        var townPostcodes = postcodes?.Where(p => p.MunicipalityCode == town.Code).ToList() ?? [];
        for (var i = from; i < to; i++)
        {
            var newcomer = NewNewcomer(random, $"{prefix}-n{i:000}", town);
            // Every tenth newcomer and the next live together: a household a family buddy can take whole.
            if (i % 10 < 2) newcomer.HouseholdId = $"{prefix}-huishouden-{i / 10}";
            if (i % 10 == 1) newcomer.Home = newcomers[^1].Home.Clone();
            newcomer.Postcode = Nearest(townPostcodes, newcomer.Home)?.Postcode_ ?? "";
            newcomers.Add(newcomer);
        }
    }

    private static string AddProvider(List<Provider> providers, string id, string name, ProviderKind kind, string municipality)
    {
        providers.Add(new Provider { Id = id, Name = name, Kind = kind, MunicipalityCode = municipality });
        return id;
    }

    private static Opportunity Base(Random random, string id, string providerId, OpportunityKind kind, string title,
        (string Code, string Name, double Latitude, double Longitude) town, CefrLevel dutch, string[] skills, string sector, Action<Opportunity> complete)
    {
        var opportunity = new Opportunity
        {
            Id = id, ProviderId = providerId, Kind = kind, Title = title, Description = $"{title} in {town.Name}.", Sector = sector,
            RequiredDutchLevel = dutch, Skills = { skills }, MunicipalityCode = town.Code, Location = Near(random, town),
            Schedule = new Availability { HoursPerWeek = random.Next(1, 5) * 4, DayParts = { Parts(random, 2, 6) } }, Capacity = 1,
        };
        complete(opportunity);
        return opportunity;
    }

    private static Newcomer NewNewcomer(Random random, string id, (string Code, string Name, double Latitude, double Longitude) town)
    {
        var goals = new List<PipGoal> { random.NextDouble() < 0.6 ? PipGoal.Work : PipGoal.Volunteering };
        if (random.NextDouble() < 0.6) goals.Add(PipGoal.Buddy);
        if (random.NextDouble() < 0.15) goals.Add(PipGoal.Entrepreneurship);
        var placement = Placements[random.Next(Placements.Length)];
        var newcomer = new Newcomer
        {
            Id = id, MunicipalityCode = town.Code, CaseworkerId = $"{town.Code.ToLowerInvariant()}-klantmanager-{random.Next(1, 3)}",
            DisplayName = $"{FirstNames[random.Next(FirstNames.Length)]} {(char)('A' + random.Next(26))}.", Home = Near(random, town),
            DutchLevel = (CefrLevel)random.Next(1, 5), Languages = { Pick(random, OtherLanguages, random.Next(1, 3)).Select(l => new LanguageSkill { Language = l, Level = CefrLevel.B2 }) },
            Leerroute = (Leerroute)random.Next(1, 4), PipGoals = { goals.Distinct() }, MapHoursDone = random.Next(0, 4) * 10,
            Occupations = { placement.Isco }, Skills = { placement.Skills.Take(random.Next(0, placement.Skills.Length + 1)) },
            EducationLevel = (EducationLevel)random.Next(1, 7),
            Availability = new Availability { HoursPerWeek = random.Next(1, 5) * 8, DayParts = { Parts(random, 4, 10) } },
            MaxTravelKm = new[] { 5, 10, 15, 25 }[random.Next(4)], TravelModes = { TravelMode.Bicycle, TravelMode.PublicTransport },
            BuddyPreferences = new BuddyPreferences { Interests = { Pick(random, Interests, random.Next(1, 4)) }, FamilyBuddy = random.NextDouble() < 0.25 },
            Consent = new Consent { Matching = random.NextDouble() < 0.95, ShareWithProviders = random.NextDouble() < 0.7 },
        };
        // An invented address of the caseworker, for the contact the provider of an accepted match gets.
        newcomer.CaseworkerContact = $"{newcomer.CaseworkerId}@werkbedrijf.example";
        return newcomer;
    }

    private static GeoPoint Near(Random random, (string Code, string Name, double Latitude, double Longitude) town) => new()
    {
        Latitude = Math.Round(town.Latitude + (random.NextDouble() - 0.5) * 0.05, 5),
        Longitude = Math.Round(town.Longitude + (random.NextDouble() - 0.5) * 0.08, 5),
    };

    /// <summary>The postcode whose centroid is nearest (on a flat map, longitude shrunk to the Netherlands' latitude).</summary>
    private static Postcode? Nearest(List<Postcode> postcodes, GeoPoint home) => postcodes.MinBy(p =>
        Math.Pow(p.Location.Latitude - home.Latitude, 2) + Math.Pow((p.Location.Longitude - home.Longitude) * 0.62, 2));

    private static IEnumerable<DayPart> Parts(Random random, int min, int max) =>
        Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => (DayPart)(1 + random.Next(5) * 3 + random.Next(2))).Distinct().Order();

    private static string[] Pick(Random random, string[] from, int count) => from.OrderBy(_ => random.Next()).Take(count).ToArray();
}
