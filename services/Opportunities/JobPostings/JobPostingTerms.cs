namespace Newcomers.Opportunities.JobPostings;

/// <summary>
/// The schema.org words a JobPosting uses here, and the propertyIDs of the additionalProperty entries
/// (PropertyValue) that carry what JobPosting has no property for. docs/api.md lists the mapping.
/// </summary>
public static class JobPostingTerms
{
    public const string Context = "https://schema.org";
    public const string Intern = "INTERN", Volunteer = "VOLUNTEER";
    public const string IscoCodeSet = "ISCO-08";
    private const string Prefix = "nl.matching:";

    public const string ExternalId = Prefix + "externalId";
    public const string Kind = Prefix + "kind";
    public const string Sector = Prefix + "sector";
    public const string RequiredDutchLevel = Prefix + "requiredDutchLevel";
    public const string UsefulLanguages = Prefix + "usefulLanguages";
    public const string HoursPerWeek = Prefix + "hoursPerWeek";
    public const string DayParts = Prefix + "dayParts";
    public const string Capacity = Prefix + "capacity";
    public const string StartDate = Prefix + "startDate";
    public const string LanguageSupport = Prefix + "languageSupport";
    public const string CountsTowardsMap = Prefix + "countsTowardsMap";
    public const string Status = Prefix + "status";
    public const string BuddyLanguages = Prefix + "buddyLanguages";
    public const string BuddyInterests = Prefix + "buddyInterests";
    public const string FamilyBuddy = Prefix + "familyBuddy";
    public const string BuddyGender = Prefix + "buddyGender";
    public const string FamiliesOnly = Prefix + "familiesOnly";
    public const string SharedLanguageOnly = Prefix + "sharedLanguageOnly";
}
