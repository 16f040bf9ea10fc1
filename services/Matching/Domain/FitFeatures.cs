using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// How one newcomer and one opportunity fit, as numbers. Built by <see cref="FeatureExtractor"/>
/// only, for ranking and for reasons alike. Nothing here describes who the newcomer is (no
/// nationality, origin, mother tongue, religion, gender or age): only the fit of the pair.
/// </summary>
public readonly record struct FitFeatures(
    double DistanceKm,
    double DistanceShare,
    int DutchGap,
    bool LanguageSupport,
    int SharedLanguages,
    int OccupationLevel,
    int SkillOverlap,
    double SkillShare,
    double ScheduleShare,
    double HoursShare,
    double GoalFit,
    int InterestOverlap,
    bool FamilyBuddyFit,
    double MapNeed,
    int PlacesLeft,
    int DaysUntilStart,
    OpportunityKind Kind,
    int NewcomerDutch,
    int RequiredDutch,
    int HoursDifference,
    int MajorGroup,
    uint SharedCommonSkills);
