using System.Runtime.CompilerServices;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// The hard constraints on a pair, in the order they are counted: the newcomer consents and is
/// active; the opportunity is open with a place left and has not ended; within the newcomer's
/// travel distance (or the request's, if shorter); Dutch at most <see cref="MatchingOptions.MaxDutchStepsBelow"/>
/// steps under the level asked; a part of the week in common; the pair neither declined before
/// nor open already; a language buddy and the newcomer honour each other's wishes (<see cref="BuddyFits(NewcomerEntry, OpportunityEntry)"/>);
/// the request's filter. A pair is removed by the first constraint it fails, and that constraint
/// counts it. One instance per request (the day, the setting and the counts); the per-pair checks
/// allocate nothing and inline into the loops. A cohort assignment checks its pairs with the same
/// <see cref="Check{TPairs}"/>, or with <see cref="BuddyFits(NewcomerEntry, OpportunityEntry, int)"/> against the places
/// its own assignments leave.
/// </summary>
public sealed class Eligibility(int maxDutchStepsBelow, DateOnly today)
{
    /// <summary>The counts of a RecommendOpportunities response, in order.</summary>
    public static readonly Constraint[] ForNewcomerCounted = [Constraint.OpenWithCapacity, Constraint.TravelDistance, Constraint.DutchLevel,
        Constraint.Availability, Constraint.NotDeclinedBefore, Constraint.BuddyPreference, Constraint.RequestFilter];

    /// <summary>The counts of a RecommendNewcomers response, in order.</summary>
    public static readonly Constraint[] ForOpportunityCounted = [Constraint.Consent, Constraint.TravelDistance, Constraint.DutchLevel,
        Constraint.Availability, Constraint.NotDeclinedBefore, Constraint.BuddyPreference, Constraint.RequestFilter];

    private readonly int day = today.DayNumber;
    private readonly int[] removed = new int[(int)Constraint.RequestFilter + 1];

    public DateOnly Today => today;

    /// <summary>Consent to matching, and an active status.</summary>
    public static bool Consents(Newcomer n) => n.Consent?.Matching == true && n.Status is NewcomerStatus.Active or NewcomerStatus.Unspecified;

    /// <summary>Open with a place left (whatever its end date): such opportunities are in the read model's grid.</summary>
    public static bool TakesNewcomers(OpportunityEntry o) => o.Open && o.PlacesLeft > 0;

    /// <summary>Open with a place left and not ended on the day.</summary>
    public static bool TakesNewcomersOn(OpportunityEntry o, DateOnly day) => TakesNewcomers(o) && NotEnded(o, day);

    /// <summary>Open and not ended on the day, with or without a place left (a place is reserved when a match is accepted).</summary>
    public static bool OpenOn(OpportunityEntry o, DateOnly day) => o.Open && NotEnded(o, day);

    private static bool NotEnded(OpportunityEntry o, DateOnly day) => o.End is null || o.End >= day;

    /// <summary>How far from the newcomer to look: their own limit, or the request's when it is shorter.</summary>
    public static double Reach(NewcomerEntry n, OpportunityFilter filter) => filter.MaxDistanceKm > 0 ? Math.Min(filter.MaxDistanceKm, n.MaxKm) : n.MaxKm;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InReach(double squaredKm, double reachKm) => squaredKm <= reachKm * reachKm;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool DutchSuffices(int newcomerStep, int requiredStep) => newcomerStep >= requiredStep - maxDutchStepsBelow;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ShareTime(uint newcomerWeek, uint opportunityWeek) => (newcomerWeek & opportunityWeek) != 0;

    /// <summary>Whether any spot of the block can pass the Dutch level and the week for the newcomer: none can when its lowest Dutch asked or its week parts together cannot.</summary>
    public bool MayPass(NewcomerEntry n, in SpotBlock b) => DutchSuffices(n.Dutch, b.MinRequiredDutch) && ShareTime(n.WeekMask, b.WeekMask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool BuddyFits(Gender wanted, Gender offered) => wanted == Gender.Unspecified || wanted == offered;

    /// <summary>
    /// The BuddyPreference constraint, the same whichever side asks: both sides' stated wishes
    /// (<see cref="BuddyWishesFit"/>), and a family buddy takes the newcomer's household as one unit,
    /// so it needs <see cref="PlacesNeeded"/> of its places left. A household too large for the
    /// places left counts here, not under OpenWithCapacity: it is a fact of the pair, not of the place
    /// alone, and both directions count BuddyPreference. For language buddies only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool BuddyFits(NewcomerEntry n, OpportunityEntry o) => BuddyFits(n, o, o.PlacesLeft);

    /// <summary>As <see cref="BuddyFits(NewcomerEntry, OpportunityEntry)"/>, with the places a caller counts itself (a cohort's assignments so far).</summary>
    public static bool BuddyFits(NewcomerEntry n, OpportunityEntry o, int placesLeft) => BuddyWishesFit(n, o) && placesLeft >= PlacesNeeded(n, o);

    /// <summary>
    /// The newcomer's wanted gender; the buddy's families_only (the newcomer has a household) and
    /// shared_language_only (the two share a language: exactly, on the interned ids, not on their signatures).
    /// </summary>
    public static bool BuddyWishesFit(NewcomerEntry n, OpportunityEntry o) => BuddyWishesFit(n, o.BuddyGender, o.FamiliesOnly, o.SharedLanguageOnly, o);

    /// <summary>
    /// <see cref="BuddyFits(NewcomerEntry, OpportunityEntry)"/> on a grid spot: the same wishes, read
    /// from the spot until an exact language match or a household's places need the entry. A spot is
    /// in the grid only while a place is left (<see cref="TakesNewcomers"/>), so a pair that needs one
    /// place fits it, as every other kind's spot does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool BuddyFits(NewcomerEntry n, in OpportunitySpot o) =>
        BuddyWishesFit(n, o.BuddyGender, o.FamiliesOnly, o.SharedLanguageOnly, o.Entry)
        && (!o.FamilyBuddy || n.BuddyUnitSize == 1 || o.Entry.PlacesLeft >= n.BuddyUnitSize);

    // The entry is read only for its languages, and only when the buddy asks for a shared one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool BuddyWishesFit(NewcomerEntry n, Gender offered, bool familiesOnly, bool sharedLanguageOnly, OpportunityEntry o) =>
        BuddyFits(n.BuddyGender, offered)
        && (!familiesOnly || n.HouseholdId.Length > 0)
        && (!sharedLanguageOnly || Vocabulary.AnyShared(n.Languages, o.Languages));

    /// <summary>The places the pair takes: a family buddy the newcomer's whole unit (<see cref="NewcomerEntry.BuddyUnitSize"/>), anything else one.</summary>
    public static int PlacesNeeded(NewcomerEntry n, OpportunityEntry o) =>
        o.Kind == OpportunityKind.LanguageBuddy && o.FamilyBuddy ? n.BuddyUnitSize : 1;

    /// <summary>
    /// The first constraint an opportunity within reach fails for the newcomer, or Unspecified. Reads
    /// the grid cell only, until a pair needs the entry (its id for a pair history, a buddy's exact
    /// languages or household places, a filter).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Constraint Check(NewcomerEntry n, in OpportunitySpot o, PairHistory pairs, OpportunityFilter filter) =>
        o.EndDay < day ? Constraint.OpenWithCapacity
        : !DutchSuffices(n.Dutch, o.RequiredDutch) ? Constraint.DutchLevel
        : !ShareTime(n.WeekMask, o.WeekMask) ? Constraint.Availability
        : !pairs.IsEmpty && pairs.Excludes(o.Id) ? Constraint.NotDeclinedBefore
        : o.Kind == OpportunityKind.LanguageBuddy && !BuddyFits(n, o) ? Constraint.BuddyPreference
        : !filter.IsEmpty && !filter.Admits(o.Entry) ? Constraint.RequestFilter
        : Constraint.Unspecified;

    /// <summary>
    /// The first constraint a consenting newcomer within reach fails for an opportunity that takes
    /// newcomers, or Unspecified. The newcomer's pair history is looked up only when needed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Constraint Check<TPairs>(NewcomerEntry n, OpportunityEntry o, in TPairs pairs, Func<NewcomerEntry, bool>? inScope)
        where TPairs : struct, IPairHistories =>
        !DutchSuffices(n.Dutch, o.RequiredDutch) ? Constraint.DutchLevel
        : !ShareTime(n.WeekMask, o.WeekMask) ? Constraint.Availability
        : pairs.Of(n.Id).Excludes(o.Id) ? Constraint.NotDeclinedBefore
        : o.Kind == OpportunityKind.LanguageBuddy && !BuddyFits(n, o) ? Constraint.BuddyPreference
        : inScope is not null && !inScope(n) ? Constraint.RequestFilter
        : Constraint.Unspecified;

    /// <summary>Counts candidates removed by a constraint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(Constraint constraint, int candidates = 1) => removed[(int)constraint] += candidates;

    /// <summary>What each constraint removed, in the given order.</summary>
    public IEnumerable<ConstraintCount> Removed(Constraint[] order) =>
        order.Select(c => new ConstraintCount { Constraint = c, Removed = removed[(int)c] });
}
