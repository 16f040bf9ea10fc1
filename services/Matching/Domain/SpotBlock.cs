using System.Numerics;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// What a run of grid spots of one kind holds at best, for a bound of their heuristic score
/// (<see cref="FeatureExtractor.Optimistic(NewcomerEntry, in SpotBlock, double)"/>): the box
/// around their places, their occupation codes' range, the lowest Dutch asked, the union of their
/// signatures and week parts, the fewest skills, week parts and hours any asks, and whether any
/// gives language support, counts towards the MAP or is a family buddy.
/// </summary>
public readonly record struct SpotBlock(int Start, int Length, OpportunityKind Kind,
    double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude,
    int MinOccupation, int MaxOccupation, int MinRequiredDutch, bool LanguageSupport,
    ulong Skills, int MinSkillCount, ulong Languages, ulong Interests, uint WeekMask, int MinWeekParts, int MinHours,
    bool CountsTowardsMap, bool FamilyBuddy)
{
    /// <summary>The summary of spots[start..start+length], all of one kind.</summary>
    public static SpotBlock Of(OpportunitySpot[] spots, int start, int length)
    {
        var first = spots[start];
        double minLat = first.Latitude, maxLat = minLat, minLon = first.Longitude, maxLon = minLon;
        int minOccupation = int.MaxValue, maxOccupation = int.MinValue, minDutch = int.MaxValue, minSkills = int.MaxValue, minParts = int.MaxValue, minHours = int.MaxValue;
        ulong skills = 0, languages = 0, interests = 0;
        uint week = 0;
        bool support = false, map = false, family = false;
        for (var i = start; i < start + length; i++)
        {
            ref readonly var o = ref spots[i];
            (minLat, maxLat) = (Math.Min(minLat, o.Latitude), Math.Max(maxLat, o.Latitude));
            (minLon, maxLon) = (Math.Min(minLon, o.Longitude), Math.Max(maxLon, o.Longitude));
            (minOccupation, maxOccupation) = (Math.Min(minOccupation, o.Occupation), Math.Max(maxOccupation, o.Occupation));
            minDutch = Math.Min(minDutch, o.RequiredDutch);
            if (o.SkillCount > 0) minSkills = Math.Min(minSkills, o.SkillCount);
            var parts = BitOperations.PopCount(o.WeekMask);
            if (parts > 0) minParts = Math.Min(minParts, parts);
            minHours = Math.Min(minHours, o.Hours);
            (skills, languages, interests, week) = (skills | o.Skills, languages | o.Languages, interests | o.Interests, week | o.WeekMask);
            (support, map, family) = (support | o.LanguageSupport, map | o.CountsTowardsMap, family | o.FamilyBuddy);
        }
        return new SpotBlock(start, length, first.Kind, minLat, maxLat, minLon, maxLon, minOccupation, maxOccupation, minDutch, support,
            skills, minSkills, languages, interests, week, minParts, minHours, map, family);
    }

    /// <summary>
    /// The most <see cref="Isco.Level"/> any code in [MinOccupation, MaxOccupation] gives the codes
    /// held: a code's unit, minor, sub-major or major group can match only if it lies in the range's.
    /// </summary>
    public int BestOccupationLevel(int[] held)
    {
        var best = 0;
        foreach (var code in held)
        {
            var level = Within(code, 1) ? 4 : Within(code, 10) ? 3 : Within(code, 100) ? 2 : Within(code, 1000) ? 1 : 0;
            if (level > best) best = level;
        }
        return best;
    }

    // Integer division never decreases as its dividend grows, so a group of a code in range lies between the range's ends' groups.
    private bool Within(int code, int group) => code / group >= MinOccupation / group && code / group <= MaxOccupation / group;
}
