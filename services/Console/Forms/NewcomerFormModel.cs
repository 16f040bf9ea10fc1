using Newcomers.Contracts.V1;

namespace Newcomers.Console.Forms;

/// <summary>
/// The newcomer form as typed: every field a caseworker may set, kept as text where people type,
/// so that a refused form shows exactly what was entered.
/// </summary>
public sealed class NewcomerFormModel
{
    public string? Id { get; set; }
    public long Version { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? CaseworkerId { get; set; }
    public string? CaseworkerContact { get; set; }
    public string? DisplayName { get; set; }
    public string? Postcode { get; set; }
    public string? HouseholdId { get; set; }
    public CefrLevel DutchLevel { get; set; }
    public string? Languages { get; set; }
    public Leerroute Leerroute { get; set; }
    public string? InburgeringStart { get; set; }
    public List<PipGoal> PipGoals { get; set; } = [];
    public string? MapHoursDone { get; set; }
    public string? Occupations { get; set; }
    public string? Skills { get; set; }
    public EducationLevel EducationLevel { get; set; }
    public string? HoursPerWeek { get; set; }
    public List<DayPart> DayParts { get; set; } = [];
    public string? MaxTravelKm { get; set; }
    public List<TravelMode> TravelModes { get; set; } = [];
    public Gender BuddyGender { get; set; }
    public bool FamilyBuddy { get; set; }
    public string? Interests { get; set; }
    public NewcomerStatus Status { get; set; } = NewcomerStatus.Active;
    public bool ConsentMatching { get; set; }
    public bool ConsentSharing { get; set; }

    public static NewcomerFormModel From(Newcomer n) => new()
    {
        Id = n.Id, Version = n.Version, MunicipalityCode = n.MunicipalityCode, CaseworkerId = n.CaseworkerId, CaseworkerContact = n.CaseworkerContact, DisplayName = n.DisplayName,
        Postcode = n.Postcode, HouseholdId = n.HouseholdId, DutchLevel = n.DutchLevel, Languages = FormText.Join(n.Languages.Select(l => $"{l.Language} {l.Level}")),
        Leerroute = n.Leerroute, InburgeringStart = FormText.Iso(n.InburgeringStart), PipGoals = [.. n.PipGoals], MapHoursDone = FormText.Number(n.MapHoursDone), Occupations = FormText.Join(n.Occupations),
        Skills = FormText.Join(n.Skills), EducationLevel = n.EducationLevel, HoursPerWeek = n.Availability?.HoursPerWeek.ToString(Text.Dutch.Culture),
        DayParts = [.. n.Availability?.DayParts ?? []], MaxTravelKm = FormText.Number(n.MaxTravelKm), TravelModes = [.. n.TravelModes],
        BuddyGender = n.BuddyPreferences?.BuddyGender ?? Gender.Unspecified, FamilyBuddy = n.BuddyPreferences?.FamilyBuddy == true,
        Interests = FormText.Join(n.BuddyPreferences?.Interests ?? []), Status = n.Status == NewcomerStatus.Unspecified ? NewcomerStatus.Active : n.Status,
        ConsentMatching = n.Consent?.Matching == true, ConsentSharing = n.Consent?.ShareWithProviders == true,
    };

    /// <summary>The newcomer to send, or the fields that are not even numbers (their Dutch message beside them).</summary>
    public (Newcomer? Newcomer, Dictionary<string, string> Errors) ToNewcomer()
    {
        var errors = new Dictionary<string, string>();
        double Number(string? text, string field, string message)
        {
            if (FormText.Number(text) is { } value) return value;
            errors[field] = message;
            return 0;
        }
        var hours = Number(HoursPerWeek, "newcomer.availability.hours_per_week", "Vul een aantal uren in, zoals 24.");
        var travel = Number(MaxTravelKm, "newcomer.max_travel_km", "Vul een aantal kilometers in, zoals 10 of 7,5.");
        var map = Number(MapHoursDone, "newcomer.map_hours_done", "Vul een aantal uren in, zoals 12.");
        var start = FormText.Date(InburgeringStart, "newcomer.inburgering_start", errors);
        var languages = new List<LanguageSkill>();
        foreach (var entry in FormText.List(Languages))
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var level = parts.Length == 2 && Enum.TryParse<CefrLevel>(parts[1], ignoreCase: true, out var l) && l != CefrLevel.Unspecified ? l : CefrLevel.Unspecified;
            if (parts.Length != 2 || level == CefrLevel.Unspecified) errors["newcomer.languages"] = "Schrijf elke taal als code en niveau, zoals: ar B2, en A2.";
            languages.Add(new LanguageSkill { Language = parts.Length > 0 ? parts[0].ToLowerInvariant() : "", Level = level });
        }
        if (errors.Count > 0) return (null, errors);
        return (new Newcomer
        {
            Id = Id ?? "", Version = Version, MunicipalityCode = (MunicipalityCode ?? "").Trim(), CaseworkerId = (CaseworkerId ?? "").Trim(),
            CaseworkerContact = (CaseworkerContact ?? "").Trim(), DisplayName = (DisplayName ?? "").Trim(), Postcode = (Postcode ?? "").Trim(), HouseholdId = (HouseholdId ?? "").Trim(), DutchLevel = DutchLevel, Languages = { languages },
            Leerroute = Leerroute, InburgeringStart = start, PipGoals = { PipGoals }, MapHoursDone = map, Occupations = { FormText.List(Occupations) }, Skills = { FormText.List(Skills) },
            EducationLevel = EducationLevel, Availability = new Availability { HoursPerWeek = (int)Math.Round(hours), DayParts = { DayParts.Order() } },
            MaxTravelKm = travel, TravelModes = { TravelModes }, Status = Status,
            BuddyPreferences = new BuddyPreferences { BuddyGender = BuddyGender, FamilyBuddy = FamilyBuddy, Interests = { FormText.List(Interests) } },
            Consent = new Consent { Matching = ConsentMatching, ShareWithProviders = ConsentSharing },
        }, errors);
    }
}
