using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>The read model counts, per household, the members who want a buddy, whatever order and however often the events come.</summary>
public sealed class HouseholdCountTests
{
    private readonly MatchingReadModel model = new();

    private static Newcomer Member(string id, long version, string household, Action<Newcomer>? change = null) => Sample.Newcomer(id, n =>
    {
        n.Version = version;
        n.HouseholdId = household;
        n.PipGoals.Add(PipGoal.Buddy);
        change?.Invoke(n);
    });

    private int UnitOf(string id) => model.BuddyUnitSize(model.Newcomer(id)!);

    [Fact]
    public void Members_who_join_count_once_however_often_their_snapshot_arrives()
    {
        model.Apply(Member("a", 1, "h"));
        model.Apply(Member("a", 1, "h"));
        model.Apply(Member("b", 2, "h"));
        model.Apply(Member("b", 1, "h"));
        model.Apply(Member("c", 1, "h", n => n.PipGoals.Remove(PipGoal.Buddy)));

        Assert.Equal(2, model.WantingBuddy("h"));
        Assert.Equal((2, 2, 3), (UnitOf("a"), UnitOf("b"), UnitOf("c")));
        Assert.True(model.Newcomer("a")!.WantsBuddy);
        Assert.False(model.Newcomer("c")!.WantsBuddy);
    }

    [Fact]
    public void A_member_who_moves_to_another_household_or_leaves_every_household_is_counted_there()
    {
        model.Apply(Member("a", 1, "h"));
        model.Apply(Member("b", 1, "h"));
        model.Apply(Member("b", 2, "other"));
        Assert.Equal((1, 1), (model.WantingBuddy("h"), model.WantingBuddy("other")));

        model.Apply(Member("b", 3, ""));
        Assert.Equal((1, 0), (model.WantingBuddy("h"), model.WantingBuddy("other")));
        Assert.Equal((1, 1), (UnitOf("a"), UnitOf("b")));
        Assert.Equal(1, model.HouseholdCount);
    }

    [Fact]
    public void Withdrawing_consent_or_pausing_leaves_the_household_unit_but_not_the_household()
    {
        model.Apply(Member("a", 1, "h"));
        model.Apply(Member("b", 1, "h"));
        model.Apply(Member("c", 1, "h"));
        model.Apply(Member("b", 2, "h", n => n.Consent.Matching = false));
        model.Apply(Member("c", 2, "h", n => n.Status = NewcomerStatus.Paused));

        Assert.Equal(1, model.WantingBuddy("h"));
        Assert.Equal(1, UnitOf("a"));

        model.Apply(Member("b", 3, "h"));
        Assert.Equal(2, UnitOf("a"));
    }

    [Fact]
    public void An_erased_member_leaves_the_count_and_the_last_one_takes_the_household_id_with_them()
    {
        model.Apply(Member("a", 1, "h"));
        model.Apply(Member("b", 1, "h"));
        model.RemoveNewcomer("b", 2);
        Assert.Equal((1, 1), (model.WantingBuddy("h"), UnitOf("a")));

        // A late snapshot of the erased member changes nothing.
        model.Apply(Member("b", 1, "h"));
        Assert.Equal(1, model.WantingBuddy("h"));

        model.RemoveNewcomer("a", 2);
        Assert.Equal((0, 0), (model.WantingBuddy("h"), model.HouseholdCount));
    }

    [Fact]
    public void A_newcomer_without_a_household_is_a_unit_of_one()
    {
        model.Apply(Sample.Newcomer("alone"));
        Assert.Equal(1, UnitOf("alone"));
        Assert.Equal(0, model.HouseholdCount);
    }
}
