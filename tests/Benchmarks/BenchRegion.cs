using System.Diagnostics;
using System.Text.Json;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Domain;

namespace Newcomers.Benchmarks;

/// <summary>
/// The shared benchmark region (shared/bench/gen_region.py), read from its JSON lines and turned
/// into API messages. Generated with python3 when the files are not there yet.
/// </summary>
public static class BenchRegion
{
    /// <summary>The region's directory, generated first if need be; <paramref name="national"/> spreads it over the 48 municipalities of the national mode.</summary>
    public static string Ensure(string directory, string generator, int opportunities, int newcomers, int seed, bool national = false)
    {
        Directory.CreateDirectory(directory);
        if (File.Exists(Path.Combine(directory, "newcomers.jsonl"))) return directory;
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        string[] arguments = [generator, $"{opportunities}", $"{newcomers}", $"{seed}", directory, .. national ? ["national"] : Array.Empty<string>()];
        using var process = Process.Start(python, arguments)!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("gen_region.py failed");
        return directory;
    }

    public static IEnumerable<Opportunity> Opportunities(string directory) =>
        File.ReadLines(Path.Combine(directory, "opportunities.jsonl")).Select(line =>
        {
            var j = JsonDocument.Parse(line).RootElement;
            var kind = Enum.Parse<OpportunityKind>(j.GetProperty("kind").GetString()!.Replace("_", ""), ignoreCase: true);
            return new Opportunity
            {
                Id = j.GetProperty("id").GetString(), ProviderId = ProviderOf(j.GetProperty("municipality").GetString()!), Kind = kind,
                Title = $"Plaats {j.GetProperty("id").GetString()}", Occupation = j.GetProperty("isco").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                RequiredDutchLevel = (CefrLevel)(j.GetProperty("required_dutch").GetInt32() + 1), Skills = { Skills(j) },
                Schedule = new Availability { HoursPerWeek = j.GetProperty("hours").GetInt32(), DayParts = { Parts(j.GetProperty("week_mask").GetInt32()) } },
                Location = Point(j), MunicipalityCode = j.GetProperty("municipality").GetString(), Capacity = Capacity(kind, j.GetProperty("capacity").GetInt32()),
                CountsTowardsMap = kind != OpportunityKind.LanguageBuddy,
            };
        });

    public static IEnumerable<Newcomer> Newcomers(string directory) =>
        File.ReadLines(Path.Combine(directory, "newcomers.jsonl")).Select(line =>
        {
            var j = JsonDocument.Parse(line).RootElement;
            return new Newcomer
            {
                Id = j.GetProperty("id").GetString(), MunicipalityCode = j.GetProperty("municipality").GetString(), CaseworkerId = "bench-km",
                DisplayName = $"Nieuwkomer {j.GetProperty("id").GetString()}", Home = Point(j), DutchLevel = (CefrLevel)(j.GetProperty("dutch").GetInt32() + 1),
                Leerroute = Leerroute.B1, PipGoals = { PipGoal.Work, PipGoal.Volunteering, PipGoal.Buddy },
                Occupations = { j.GetProperty("isco").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) }, Skills = { Skills(j) },
                Availability = new Availability { HoursPerWeek = j.GetProperty("hours").GetInt32(), DayParts = { Parts(j.GetProperty("week_mask").GetInt32()) } },
                MaxTravelKm = j.GetProperty("max_km").GetInt32(), TravelModes = { TravelMode.Bicycle }, Consent = new Consent { Matching = true },
            };
        });

    public static string ProviderOf(string municipality) => $"bench-{municipality.ToLowerInvariant()}";

    /// <summary>The generator's capacity, but at most the 3 newcomers the API lets one language buddy take (it draws up to 5 for every kind).</summary>
    private static int Capacity(OpportunityKind kind, int generated) =>
        kind == OpportunityKind.LanguageBuddy ? Math.Min(generated, OpportunityRules.MaxBuddyCapacity) : generated;

    private static GeoPoint Point(JsonElement j) => new() { Latitude = j.GetProperty("lat").GetDouble(), Longitude = j.GetProperty("lon").GetDouble() };

    private static IEnumerable<string> Skills(JsonElement j) => j.GetProperty("skills").EnumerateArray().Select(s => $"skill-{s.GetInt32()}");

    /// <summary>Ten bits, Monday to Friday times morning and afternoon.</summary>
    private static IEnumerable<DayPart> Parts(int mask) =>
        Enumerable.Range(0, 10).Where(bit => (mask >> bit & 1) == 1).Select(bit => (DayPart)(1 + bit / 2 * 3 + bit % 2));
}
