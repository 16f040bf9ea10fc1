using System.Globalization;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Forms;

/// <summary>The opportunity form as typed: every field a provider sets, kept as text where people type.</summary>
public sealed class OpportunityFormModel
{
    public string? Id { get; set; }
    public long Version { get; set; }
    public string? ProviderId { get; set; }
    public OpportunityKind Kind { get; set; } = OpportunityKind.WorkPlacement;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Occupation { get; set; }
    public string? Sector { get; set; }
    public CefrLevel RequiredDutchLevel { get; set; } = CefrLevel.A1;
    public string? UsefulLanguages { get; set; }
    public string? Skills { get; set; }
    public string? HoursPerWeek { get; set; }
    public List<DayPart> DayParts { get; set; } = [];
    public string? MunicipalityCode { get; set; }
    public string? Postcode { get; set; }
    public string? Capacity { get; set; } = "1";
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public bool LanguageSupport { get; set; }
    public bool CountsTowardsMap { get; set; }
    public OpportunityStatus Status { get; set; } = OpportunityStatus.Open;
    public string? BuddyLanguages { get; set; }
    public string? BuddyInterests { get; set; }
    public bool FamilyBuddy { get; set; }
    public bool FamiliesOnly { get; set; }
    public bool SharedLanguageOnly { get; set; }
    public Gender BuddyGender { get; set; }

    public static OpportunityFormModel From(Opportunity o) => new()
    {
        Id = o.Id, Version = o.Version, ProviderId = o.ProviderId, Kind = o.Kind, Title = o.Title, Description = o.Description, Occupation = o.Occupation,
        Sector = o.Sector, RequiredDutchLevel = o.RequiredDutchLevel, UsefulLanguages = FormText.Join(o.UsefulLanguages), Skills = FormText.Join(o.Skills),
        HoursPerWeek = o.Schedule?.HoursPerWeek.ToString(CultureInfo.InvariantCulture), DayParts = [.. o.Schedule?.DayParts ?? []],
        MunicipalityCode = o.MunicipalityCode, Postcode = o.Postcode, Capacity = o.Capacity.ToString(CultureInfo.InvariantCulture),
        StartDate = FormText.Iso(o.StartDate), EndDate = FormText.Iso(o.EndDate), LanguageSupport = o.LanguageSupport, CountsTowardsMap = o.CountsTowardsMap,
        Status = o.Status == OpportunityStatus.Unspecified ? OpportunityStatus.Open : o.Status,
        BuddyLanguages = FormText.Join(o.Buddy?.Languages ?? []), BuddyInterests = FormText.Join(o.Buddy?.Interests ?? []),
        FamilyBuddy = o.Buddy?.FamilyBuddy == true, BuddyGender = o.Buddy?.Gender ?? Gender.Unspecified,
        FamiliesOnly = o.Buddy?.FamiliesOnly == true, SharedLanguageOnly = o.Buddy?.SharedLanguageOnly == true,
    };

    /// <summary>The opportunity to send (its location still to be placed), or the fields that are not even numbers or dates.</summary>
    public (Opportunity? Opportunity, Dictionary<string, string> Errors) ToOpportunity()
    {
        var errors = new Dictionary<string, string>();
        var hours = FormText.Number(HoursPerWeek);
        if (hours is null) errors["opportunity.schedule.hours_per_week"] = "Vul een aantal uren in, zoals 16.";
        var capacity = FormText.Number(Capacity);
        if (capacity is null) errors["opportunity.capacity"] = "Vul een aantal plekken in, zoals 2.";
        var start = FormText.Date(StartDate, "opportunity.start_date", errors);
        var end = FormText.Date(EndDate, "opportunity.end_date", errors);
        if (errors.Count > 0) return (null, errors);
        var opportunity = new Opportunity
        {
            Id = Id ?? "", Version = Version, ProviderId = (ProviderId ?? "").Trim(), Kind = Kind, Title = (Title ?? "").Trim(), Description = (Description ?? "").Trim(),
            Occupation = (Occupation ?? "").Trim(), Sector = (Sector ?? "").Trim(), RequiredDutchLevel = RequiredDutchLevel,
            UsefulLanguages = { FormText.List(UsefulLanguages).Select(l => l.ToLowerInvariant()) }, Skills = { FormText.List(Skills) },
            Schedule = new Availability { HoursPerWeek = (int)Math.Round(hours!.Value), DayParts = { DayParts.Order() } },
            MunicipalityCode = (MunicipalityCode ?? "").Trim(), Postcode = (Postcode ?? "").Trim(), Capacity = (int)Math.Round(capacity!.Value),
            StartDate = start, EndDate = end, LanguageSupport = LanguageSupport, CountsTowardsMap = CountsTowardsMap, Status = Status,
        };
        if (Kind == OpportunityKind.LanguageBuddy)
            opportunity.Buddy = new BuddyOffer
            {
                Languages = { FormText.List(BuddyLanguages).Select(l => l.ToLowerInvariant()) }, Interests = { FormText.List(BuddyInterests) },
                FamilyBuddy = FamilyBuddy, Gender = BuddyGender, FamiliesOnly = FamiliesOnly, SharedLanguageOnly = SharedLanguageOnly,
            };
        return (opportunity, errors);
    }
}
