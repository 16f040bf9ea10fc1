using System.Runtime.CompilerServices;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// The fits a single change to a newcomer's profile moves, for the PIP guidance: a Dutch level moves
/// the Dutch gap, a reach the distance share, a day part the schedule share, hours the hours share and a
/// skill the skill share; nothing else. <see cref="HeuristicRanker.Gain"/> weighs the move, so a pair's
/// heuristic score with a change is its score now plus that gain, and so is a bound's.
/// </summary>
public static partial class FeatureExtractor
{
    /// <summary>
    /// The fit the change of the kind moves, for <paramref name="changed"/>, in the pair's features
    /// <paramref name="f"/> (<see cref="Extract"/>) for a newcomer who differs from <paramref name="changed"/> in that
    /// one respect. A Dutch level, a reach, a day part or hours move a fit that a bound
    /// (<see cref="Optimistic(NewcomerEntry, in OpportunitySpot, double)"/>) works out the same way; a skill's is exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Moved(in FitFeatures f, PipChangeKind kind, NewcomerEntry changed, in OpportunitySpot o) => kind switch
    {
        PipChangeKind.TravelDistance => Math.Clamp(f.DistanceKm / changed.MaxKm, 0, 1),
        PipChangeKind.DutchLevel => changed.Dutch - o.RequiredDutch,
        PipChangeKind.DayPart => ScheduleShare(changed.WeekMask, o.WeekMask),
        PipChangeKind.Hours => HoursShare(changed.Hours, o.Hours),
        PipChangeKind.Skill => SkillShare(Vocabulary.Overlap(changed.Skills, o.Entry.Skills), o.SkillCount),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a profile change"),
    };

    /// <summary>
    /// The spot's bound (<see cref="Optimistic(NewcomerEntry, in OpportunitySpot, double)"/>) with the skills, languages and
    /// interests shared counted exactly: every fit the heuristic weighs is then the pair's, as <see cref="Extract"/> gives it
    /// (the places left, the days until the start and the common skills shared, which only a model weighs, stay the bound's).
    /// </summary>
    public static FitFeatures Shared(in FitFeatures bound, NewcomerEntry n, in OpportunitySpot o)
    {
        var skills = (n.SkillSignature & o.Skills) == 0 ? 0 : Vocabulary.Overlap(n.Skills, o.Entry.Skills);
        return bound with
        {
            SkillOverlap = skills, SkillShare = SkillShare(skills, o.SkillCount),
            SharedLanguages = (n.LanguageSignature & o.Languages) == 0 ? 0 : Vocabulary.Overlap(n.Languages, o.Entry.Languages),
            InterestOverlap = (n.InterestSignature & o.Interests) == 0 ? 0 : Vocabulary.Overlap(n.Interests, o.Entry.Interests),
        };
    }

    /// <summary>
    /// The features with the skills, languages and interests shared at nothing. Of a spot's bound
    /// (<see cref="Optimistic(NewcomerEntry, in OpportunitySpot, double)"/>) these are the pair's features at their
    /// least, as only those overlaps are bounded from above: the heuristic's score of them is at most the pair's.
    /// Of a block's, they bound every spot that shares no signature bit with the newcomer.
    /// </summary>
    public static FitFeatures SharingNothing(in FitFeatures f) => f with { SkillOverlap = 0, SkillShare = 0, SharedLanguages = 0, InterestOverlap = 0 };

    /// <summary>
    /// The pair's features <paramref name="f"/> with the one fit the kind of change moves set to <paramref name="moved"/>
    /// (<see cref="Moved"/>): the fits the heuristic weighs are then those <see cref="Extract"/> gives for the newcomer with the change.
    /// </summary>
    public static FitFeatures Moving(in FitFeatures f, PipChangeKind kind, double moved) => kind switch
    {
        PipChangeKind.TravelDistance => f with { DistanceShare = moved },
        PipChangeKind.DutchLevel => f with { DutchGap = (int)moved },
        PipChangeKind.DayPart => f with { ScheduleShare = moved },
        PipChangeKind.Hours => f with { HoursShare = moved },
        PipChangeKind.Skill => f with { SkillShare = moved },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a profile change"),
    };

    /// <summary>
    /// The pair's features <paramref name="f"/> for <paramref name="n"/>, or its bound, with each fit a kind of change
    /// moves at the most a single change of that kind moves it: the Dutch gap, distance share and hours share to
    /// <paramref name="furthest"/>'s (the newcomer with the Dutch level, reach and hours of the changes that go furthest);
    /// the schedule share and skill share with one part of the week or one skill more in common (a bound's skills in
    /// common are at least the pair's, and none only when none is). <see cref="HeuristicRanker.Gains"/> weighs each move.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FitFeatures MostMoved(in FitFeatures f, NewcomerEntry n, NewcomerEntry furthest, in OpportunitySpot o) => f with
    {
        DistanceShare = Math.Clamp(f.DistanceKm / furthest.MaxKm, 0, 1),
        DutchGap = furthest.Dutch - o.RequiredDutch,
        ScheduleShare = (o.WeekMask & ~n.WeekMask) == 0 ? f.ScheduleShare : ShareAtMost(Week.Count(n.WeekMask & o.WeekMask) + 1, Week.Count(o.WeekMask)),
        HoursShare = HoursShare(furthest.Hours, o.Hours),
        SkillShare = o.SkillCount == 0 ? 0 : ShareAtMost(f.SkillOverlap + 1, o.SkillCount),
    };

    /// <summary>
    /// <see cref="MostMoved(in FitFeatures, NewcomerEntry, NewcomerEntry, in OpportunitySpot)"/> for every spot of the
    /// block at once, from the block's bound <paramref name="bound"/> (<see cref="Optimistic(NewcomerEntry, in SpotBlock, double)"/>).
    /// </summary>
    public static FitFeatures MostMoved(in FitFeatures bound, NewcomerEntry n, NewcomerEntry furthest, in SpotBlock b) => bound with
    {
        DistanceShare = Math.Clamp(bound.DistanceKm / furthest.MaxKm, 0, 1),
        DutchGap = furthest.Dutch - b.MinRequiredDutch,
        ScheduleShare = (b.WeekMask & ~n.WeekMask) == 0 ? bound.ScheduleShare : ShareAtMost(Week.Count(n.WeekMask & b.WeekMask) + 1, b.MinWeekParts),
        HoursShare = HoursShareAtMost(furthest.Hours, b),
        SkillShare = b.MinSkillCount == int.MaxValue ? 0 : ShareAtMost(bound.SkillOverlap + 1, b.MinSkillCount),
    };
}
