using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.JobPostings;

namespace Newcomers.Unit.Tests.Opportunities;

public sealed class JobPostingTests
{
    /// <summary>Every field a client sets, for one kind; the buddy only for a language buddy.</summary>
    private static Opportunity Full(OpportunityKind kind) => new()
    {
        Id = "o1", Version = 4, ProviderId = "p1", ExternalId = "feed:o-1", Kind = kind, Title = "Taalstage bakkerij",
        Description = "Brood bakken met het team.\nVroeg beginnen.", Occupation = "7512", Sector = "horeca", RequiredDutchLevel = CefrLevel.A2,
        UsefulLanguages = { "ar", "en" }, Skills = { "deeg kneden", "http://data.europa.eu/esco/skill/abc" },
        Schedule = new Availability { HoursPerWeek = 16, DayParts = { DayPart.MondayMorning, DayPart.ThursdayEvening } },
        Location = new GeoPoint { Latitude = 52.1841, Longitude = 5.2837 }, MunicipalityCode = "GM0342", Postcode = "3811",
        Capacity = kind == OpportunityKind.LanguageBuddy ? 2 : 5, StartDate = new Google.Type.Date { Year = 2027, Month = 1, Day = 4 },
        EndDate = new Google.Type.Date { Year = 2027, Month = 6, Day = 30 }, LanguageSupport = true, CountsTowardsMap = true,
        Status = OpportunityStatus.Closed,
        Buddy = kind != OpportunityKind.LanguageBuddy ? null : new BuddyOffer
        {
            Languages = { "ti" }, Interests = { "koken", "wandelen" }, FamilyBuddy = true, Gender = Gender.Female, FamiliesOnly = true, SharedLanguageOnly = true,
        },
        CreateTime = Timestamp.FromDateTime(new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc)), UpdateTime = Timestamp.FromDateTime(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)),
    };

    /// <summary>What an import gives back: everything but the provider, id, version and times, which the service sets.</summary>
    private static Opportunity Portable(Opportunity o) => new(o) { Id = "", Version = 0, ProviderId = "", CreateTime = null, UpdateTime = null };

    private static Opportunity RoundTrip(Opportunity o)
    {
        var v = new Violations();
        var read = JobPostingReader.Read(JobPostingWriter.Write(o), v);
        Assert.Empty(v.All);
        return read;
    }

    [Theory]
    [InlineData(OpportunityKind.WorkPlacement)]
    [InlineData(OpportunityKind.Volunteering)]
    [InlineData(OpportunityKind.LanguageBuddy)]
    public void A_posting_with_every_field_read_back_is_the_same_opportunity(OpportunityKind kind) =>
        Assert.Equal(Portable(Full(kind)), RoundTrip(Full(kind)));

    [Fact]
    public void A_minimal_posting_read_back_is_the_same_and_takes_the_id_as_identifier()
    {
        var minimal = new Opportunity { Id = "o2", Kind = OpportunityKind.Volunteering, Title = "Koffie schenken" };
        Assert.Equal(new Opportunity { ExternalId = "o2", Kind = OpportunityKind.Volunteering, Title = "Koffie schenken" }, RoundTrip(minimal));
    }

    [Theory]
    [InlineData(OpportunityKind.WorkPlacement, "INTERN")]
    [InlineData(OpportunityKind.Volunteering, "VOLUNTEER")]
    [InlineData(OpportunityKind.LanguageBuddy, "VOLUNTEER")]
    public void The_json_ld_is_a_schema_org_job_posting_with_its_employment_type(OpportunityKind kind, string employmentType)
    {
        var posting = JsonNode.Parse(JobPostingWriter.Write(Full(kind)))!.AsObject();
        Assert.Equal("https://schema.org", (string?)posting["@context"]);
        Assert.Equal("JobPosting", (string?)posting["@type"]);
        Assert.Equal(employmentType, (string?)posting["employmentType"]);
        Assert.Equal("16 uur per week", (string?)posting["workHours"]);
        Assert.Equal("2027-06-30", (string?)posting["validThrough"]);
        Assert.Equal("2026-11-30", (string?)posting["datePosted"]);
        Assert.Equal("7512", (string?)posting["occupationalCategory"]!["codeValue"]);
        Assert.Equal(52.1841, (double)posting["jobLocation"]!["geo"]!["latitude"]!);
        Assert.Equal("GM0342", (string?)posting["jobLocation"]!["address"]!["addressRegion"]);
        var kindProperty = posting["additionalProperty"]!.AsArray().Single(p => (string?)p!["propertyID"] == "nl.matching:kind");
        Assert.Equal(kind == OpportunityKind.LanguageBuddy ? "OPPORTUNITY_KIND_LANGUAGE_BUDDY" : kind == OpportunityKind.WorkPlacement ? "OPPORTUNITY_KIND_WORK_PLACEMENT" : "OPPORTUNITY_KIND_VOLUNTEERING",
            (string?)kindProperty!["value"]);
    }

    [Fact]
    public void A_posting_from_elsewhere_takes_plain_text_for_category_skills_and_hours()
    {
        var v = new Violations();
        var o = JobPostingReader.Read("""
            { "@context": "https://schema.org", "@type": "JobPosting", "identifier": "vac-9", "title": "Magazijn", "employmentType": ["PART_TIME", "INTERN"],
              "occupationalCategory": "9321", "skills": "heftruck, tillen", "workHours": "24 uur per week", "validThrough": "2027-03-31T23:59:00+01:00" }
            """, v);
        Assert.Empty(v.All);
        Assert.Equal(new Opportunity
        {
            ExternalId = "vac-9", Title = "Magazijn", Kind = OpportunityKind.WorkPlacement, Occupation = "9321", Skills = { "heftruck", "tillen" },
            Schedule = new Availability { HoursPerWeek = 24 }, EndDate = new Google.Type.Date { Year = 2027, Month = 3, Day = 31 },
        }, o);
    }

    [Fact]
    public void Bad_values_are_named_by_their_json_ld_path()
    {
        var v = new Violations();
        JobPostingReader.Read("""
            { "@type": "JobPosting", "title": 7, "employmentType": "FULL_TIME", "jobLocation": { "geo": { "latitude": "noord", "longitude": 5.3 } },
              "validThrough": "31-03-2027",
              "additionalProperty": [ { "propertyID": "nl.matching:capacity", "value": 1.5 }, { "propertyID": "nl.matching:capacity", "value": 2 },
                                      { "propertyID": "nl.matching:requiredDutchLevel", "value": "B7" }, { "value": 1 } ] }
            """, v);
        Assert.Equal(
            [
                ("jobPosting.identifier", "REQUIRED"), ("jobPosting.title", "INVALID_CHOICE"), ("jobPosting.jobLocation.geo.latitude", "INVALID_CHOICE"), ("jobPosting.validThrough", "INVALID_DATE"), ("jobPosting.employmentType", "INVALID_CHOICE"),
                ("jobPosting.additionalProperty[0].value", "INVALID_CHOICE"), ("jobPosting.additionalProperty[1].propertyID", "DUPLICATE"),
                ("jobPosting.additionalProperty[2].value", "INVALID_CHOICE"), ("jobPosting.additionalProperty[3].propertyID", "REQUIRED"),
            ],
            v.All.Select(f => (f.Field, f.Reason)).ToList());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Text_that_is_no_json_object_is_refused_whole(string text)
    {
        var v = new Violations();
        JobPostingReader.Read(text, v);
        Assert.Equal([("json_ld", "INVALID_CHOICE")], v.All.Select(f => (f.Field, f.Reason)).ToList());
    }

    [Fact]
    public void A_work_placement_kind_beside_employment_type_volunteer_conflicts()
    {
        var posting = JobPostingWriter.Write(Full(OpportunityKind.WorkPlacement)).Replace("\"INTERN\"", "\"VOLUNTEER\"", StringComparison.Ordinal);
        var v = new Violations();
        JobPostingReader.Read(posting, v);
        Assert.Equal([("jobPosting.employmentType", "CONFLICTING_FIELDS")], v.All.Select(f => (f.Field, f.Reason)).ToList());
    }
}
