using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// A newcomer in Soest with Dutch A1, 10 km, Monday morning only, 16 hours and one skill, and work
/// placements around them that a single change would open or lift: a ladder of placements in reach
/// whose scores straddle the good score (each fit a change raises moves some across), placements
/// asking B1 and B2, placements 11 to 19 km away, and placements on Wednesday morning only.
/// </summary>
public sealed class PipGuidanceWorld
{
    public static readonly GeoPoint Home = new() { Latitude = 52.1730, Longitude = 5.2910 };

    public required Newcomer Newcomer { get; init; }

    public static Newcomer Profile() => new(Build.Newcomer())
    {
        DutchLevel = CefrLevel.A1, MaxTravelKm = 10, Home = Home,
        Availability = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayMorning } },
    };

    public static async Task<PipGuidanceWorld> CreateAsync(RunningHost host)
    {
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placements = new List<Opportunity>();
        // The ladder: in reach, eligible now, 0.3 to 9 km away; half ask for a skill the newcomer has.
        for (var i = 0; i < 30; i++)
            placements.Add(Placement(provider.Id, 0.3 + i * 0.3, "7512", CefrLevel.A1, i % 2 == 0 ? ["deeg bereiden", "heftruck"] : ["heftruck"],
                32, DayPart.MondayMorning, DayPart.TuesdayAfternoon));
        // Dutch one and two steps further than the newcomer's allowance.
        for (var i = 0; i < 6; i++) placements.Add(Placement(provider.Id, 1 + i, i < 3 ? "7512" : "9112", CefrLevel.B1, ["deeg bereiden"], 16, DayPart.MondayMorning));
        for (var i = 0; i < 4; i++) placements.Add(Placement(provider.Id, 2 + i, "7512", CefrLevel.B2, ["deeg bereiden"], 16, DayPart.MondayMorning));
        // Beyond the newcomer's 10 km, within 15 and within 20.
        for (var i = 0; i < 8; i++) placements.Add(Placement(provider.Id, 10.6 + i * 0.5, "7512", CefrLevel.A1, ["deeg bereiden"], 16, DayPart.MondayMorning));
        for (var i = 0; i < 6; i++) placements.Add(Placement(provider.Id, 15.6 + i * 0.6, "7512", CefrLevel.A1, ["deeg bereiden"], 16, DayPart.MondayMorning));
        // Wednesday morning only.
        for (var i = 0; i < 6; i++) placements.Add(Placement(provider.Id, 1.5 + i, i < 4 ? "7512" : "9112", CefrLevel.A1, ["deeg bereiden"], 16, DayPart.WednesdayMorning));
        foreach (var o in placements) await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = o });
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Profile() });
        return new PipGuidanceWorld { Newcomer = newcomer };
    }

    /// <summary>A work placement due north of the newcomer's home.</summary>
    public static Opportunity Placement(string providerId, double km, string occupation, CefrLevel dutch, string[] skills, int hours, params DayPart[] parts)
    {
        var o = Build.Placement(providerId, capacity: 1);
        o.Title = $"Werkplek op {km:0.0} km";
        o.Occupation = occupation;
        o.RequiredDutchLevel = dutch;
        o.Skills.Clear();
        o.Skills.Add(skills);
        o.Location = new GeoPoint { Latitude = Home.Latitude + km / 111.2, Longitude = Home.Longitude };
        o.Schedule = new Availability { HoursPerWeek = hours, DayParts = { parts } };
        return o;
    }

    /// <summary>The newcomer's profile with the change applied, for a copy of them.</summary>
    public static Newcomer Applied(PipChange change)
    {
        var n = Profile();
        switch (change.Kind)
        {
            case PipChangeKind.DutchLevel: n.DutchLevel = change.DutchLevel; break;
            case PipChangeKind.TravelDistance: n.MaxTravelKm = change.MaxTravelKm; break;
            case PipChangeKind.DayPart: n.Availability.DayParts.Add(change.DayPart); break;
            case PipChangeKind.Hours: n.Availability.HoursPerWeek = change.HoursPerWeek; break;
            case PipChangeKind.Skill: n.Skills.Add(change.Skill); break;
        }
        return n;
    }
}
